//! Insertion-ordered name tables (`co_names`, `co_varnames`, cell and free variables).

use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

#[derive(Clone, Debug, Default)]
pub struct NameTable {
    /// Each name is one allocation, shared by the list and the index.
    names: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
}

impl NameTable {
    /// The index of `name`, adding it at the end if new.
    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        let name: Rc<str> = name.into();
        self.names.push(name.clone());
        self.index.insert(name, i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn names(&self) -> &[Rc<str>] {
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
