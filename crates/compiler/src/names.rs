//! Insertion-ordered name tables (`co_names`, `co_varnames`, cell and free variables).

use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct NameTable {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameTable {
    /// The index of `name`, adding it at the end if new.
    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// A table holding `names` in that order.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> NameTable {
        let mut t = NameTable::default();
        for n in names {
            t.add(n);
        }
        t
    }
}
