//! Handlers for IMPORT_NAME, IMPORT_FROM and IMPORT_STAR.
//! Counterpart: `import_name`, `import_from`, `import_all_from` in Python/ceval.c (3.11).

use crate::frame::Frame;
use crate::object::Payload;
use crate::protocol::attr::str_of;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(crate) fn op_import_name(
        &self,
        f: &Frame,
        name: &PyRef,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let import = self.load_builtin(f, "__import__").map_err(|_| {
            self.new_exception_msg(&self.types.exceptions.import_error, "__import__ not found")
        })?;
        let globals = Value::Obj(f.globals.clone());
        let locals = f.locals.clone().unwrap_or(Value::None);
        // Our own __import__ is called directly; a replaced one through a normal call.
        if let Some(Payload::BuiltinFunction(bf)) = import.payload()
            && bf.name == "__import__"
            && bf.self_.is_none()
        {
            let level = match level {
                Value::Int(i) => *i,
                _ => 0,
            };
            return crate::import::import_module_level(
                self,
                str_of(name),
                &globals,
                fromlist,
                level,
            );
        }
        self.call(
            &import,
            &[
                Value::Obj(name.clone()),
                globals,
                locals,
                fromlist.clone(),
                level.clone(),
            ],
        )
    }

    pub(crate) fn op_import_from(&self, m: &Value, name: &PyRef) -> PyResult<Value> {
        match self.getattr(m, name) {
            Ok(v) => return Ok(v),
            Err(e) if self.exc_matches(&e, &self.types.exceptions.attribute_error) => {}
            Err(e) => return Err(e),
        }
        let pkgname = self.getattr_opt(m, "__name__")?;
        let pkgname_s = pkgname
            .as_ref()
            .and_then(crate::str::as_str)
            .map(|s| s.to_string());
        if let Some(p) = &pkgname_s {
            let full = format!("{p}.{}", str_of(name));
            if let Some(v) = crate::import::sys_modules_get(self, &full) {
                return Ok(v);
            }
        }
        let pkgname_s = pkgname_s.unwrap_or_else(|| "<unknown module name>".to_string());
        let path = self.getattr_opt(m, "__file__")?;
        let location = match path.as_ref().and_then(crate::str::as_str) {
            Some(p) => p.to_string(),
            None => "unknown location".to_string(),
        };
        let initializing = match self.getattr_opt(m, "__spec__")? {
            Some(spec) if !spec.is_none() => match self.getattr_opt(&spec, "_initializing")? {
                Some(v) => self.truthy(&v)?,
                // rpy's own specs: the import system knows what is being executed.
                None => crate::import::is_initializing(self, &pkgname_s),
            },
            _ => crate::import::is_initializing(self, &pkgname_s),
        };
        let msg = if initializing {
            format!(
                "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
                str_of(name),
                pkgname_s,
                location
            )
        } else {
            format!(
                "cannot import name '{}' from '{}' ({})",
                str_of(name),
                pkgname_s,
                location
            )
        };
        let e = self.new_exception_msg(&self.types.exceptions.import_error, &msg);
        self.set_attr_in_dict(&e, "name", self.new_str(&pkgname_s))?;
        self.set_attr_in_dict(&e, "path", path.unwrap_or(Value::None))?;
        Err(e)
    }

    pub(crate) fn op_import_star(&self, f: &Frame, m: &Value) -> PyResult<()> {
        let Some(locals) = f.locals.clone() else {
            return Err(self.system_error("no locals found during 'import *'"));
        };
        let (names, skip_private) = match self.getattr_opt(m, "__all__")? {
            Some(all) => (self.iterate(&all)?, false),
            None => {
                let d = self.getattr_str(m, "__dict__").map_err(|_| {
                    self.new_exception_msg(
                        &self.types.exceptions.import_error,
                        "from-import-* object has no __dict__ and no __all__",
                    )
                })?;
                (self.iterate(&self.call_method(&d, "keys", &[])?)?, true)
            }
        };
        for n in names {
            let Some(s) = crate::str::as_str(&n) else {
                return Err(self.type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    self.getattr_opt(m, "__name__")?
                        .and_then(|v| crate::str::as_str(&v).map(|s| s.to_string()))
                        .unwrap_or_default(),
                    self.type_name(&n)
                )));
            };
            if skip_private && s.starts_with('_') {
                continue;
            }
            let name = self.intern(s);
            let v = self.getattr(m, &name)?;
            self.setitem(&locals, Value::Obj(name), v)?;
        }
        Ok(())
    }
}
