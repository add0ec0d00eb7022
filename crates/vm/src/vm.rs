//! The virtual machine: the built-in types, the frame stack, the handled-exception state,
//! and the entry points that run code.
//! Counterpart: Python/pystate.c and Python/pylifecycle.c (3.11), much reduced.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::code::Code;
use crate::frame::Frame;
use crate::object::{Payload, PyObject};
use crate::types::Types;
use crate::value::{PyRef, Value};

/// A Python exception in flight: the exception instance.
pub type PyErr = PyRef;
pub type PyResult<T> = Result<T, PyErr>;

thread_local! {
    static TYPES: RefCell<Option<Rc<Types>>> = const { RefCell::new(None) };
    static CURRENT_VM: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

/// The VM running on this thread, for code that has no `&Vm` at hand (object finalizers).
pub fn current_vm() -> Option<&'static Vm> {
    let p = CURRENT_VM.with(|c| c.get());
    if p.is_null() {
        return None;
    }
    // SAFETY: the pointer is set by `Vm::new` to a VM owned by an `Rc` that the embedder keeps
    // alive while it runs code, and cleared by `Vm::drop`; single-threaded.
    Some(unsafe { &*p })
}

/// Runs `f` with this thread's built-in types (the VM must have been created).
pub fn with_types<R>(f: impl FnOnce(&Types) -> R) -> R {
    TYPES.with(|t| {
        let t = t.borrow();
        f(t.as_ref().expect("rpy VM not initialized on this thread"))
    })
}

pub(crate) fn install_types(types: Rc<Types>) {
    TYPES.with(|t| *t.borrow_mut() = Some(types));
}

/// Settings that come from the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub argv: Vec<String>,
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub verbose: u8,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub isolated: bool,
    pub inspect: bool,
    pub quiet: bool,
    pub unbuffered: bool,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    /// Directory of the script (`sys.path[0]`), or "" for `-c` and the REPL.
    pub path0: Option<String>,
    /// `-X pycache_prefix=DIR` or PYTHONPYCACHEPREFIX: the initial `sys.pycache_prefix`.
    pub pycache_prefix: Option<String>,
    /// `--check-hash-based-pycs`: "default", "always" or "never".
    pub check_hash_based_pycs: String,
}

pub struct Vm {
    pub types: Rc<Types>,
    pub builtins: PyRef,
    pub builtins_dict: PyRef,
    pub sys: RefCell<Option<PyRef>>,
    /// Every live frame, innermost last. The eval loop runs the last one.
    #[expect(
        clippy::vec_box,
        reason = "frames must not move: the eval loop holds pointers into them"
    )]
    pub(crate) frames: RefCell<Vec<Box<Frame>>>,
    /// Finished frames kept for reuse (see `recycle_frame`): a call then costs no allocation.
    #[expect(
        clippy::vec_box,
        reason = "frames are handed to Vm.frames as boxes, which must not move"
    )]
    pub(crate) frame_pool: RefCell<Vec<Box<Frame>>>,
    /// The built-in `len`, which CALL recognizes (CPython's `callable_cache.len`).
    pub(crate) builtin_len: std::cell::OnceCell<PyRef>,
    /// The exception being handled (`sys.exception()`), or `Value::None`.
    pub(crate) handled: RefCell<Value>,
    pub recursion_limit: Cell<usize>,
    /// Python frames plus native re-entries currently on the stack.
    pub(crate) depth: Cell<usize>,
    /// Interned strs (every name of every code object goes through here: a fast hasher).
    interned: RefCell<HashMap<Box<str>, PyRef, crate::types::BuildPtrHasher>>,
    pub options: Options,
    /// `sys.modules`.
    pub modules: PyRef,
    /// Objects kept alive until exit (old classes after `__class__` assignment).
    graveyard: RefCell<Vec<Value>>,
    /// Objects whose repr is being computed (`Py_ReprEnter`).
    repr_stack: RefCell<Vec<i64>>,
    /// `object.__getattribute__`, `type.__getattribute__`, `module.__getattribute__`.
    pub(crate) generic_getattributes: std::cell::OnceCell<[Value; 3]>,
    /// The current `contextvars.Context` (`None` until one is needed): rpy runs one thread,
    /// so one per VM (CPython's `PyThreadState.context`).
    pub context: RefCell<Value>,
    /// The Python-level signal handlers by signal number (`signal.signal`); empty until the
    /// `_signal` module is made (see signals.rs).
    pub signal_handlers: RefCell<Vec<Value>>,
}

impl Drop for Vm {
    fn drop(&mut self) {
        CURRENT_VM.with(|c| {
            if std::ptr::eq(c.get(), self) {
                c.set(std::ptr::null());
            }
        });
    }
}

impl Vm {
    pub fn new(options: Options) -> Rc<Vm> {
        let types = crate::builtins::boot::boot_types();
        install_types(types.clone());
        let builtins_dict = crate::builtins::dict::new_dict();
        let builtins =
            crate::builtins::module::new_module_with_dict("builtins", builtins_dict.clone());
        let modules = crate::builtins::dict::new_dict();
        let vm = Rc::new(Vm {
            types,
            builtins,
            builtins_dict,
            sys: RefCell::new(None),
            frames: RefCell::new(Vec::new()),
            frame_pool: RefCell::new(Vec::new()),
            builtin_len: std::cell::OnceCell::new(),
            handled: RefCell::new(Value::None),
            recursion_limit: Cell::new(1000),
            depth: Cell::new(0),
            interned: RefCell::new(HashMap::default()),
            options,
            modules,
            graveyard: RefCell::new(Vec::new()),
            repr_stack: RefCell::new(Vec::new()),
            generic_getattributes: std::cell::OnceCell::new(),
            context: RefCell::new(Value::None),
            signal_handlers: RefCell::new(Vec::new()),
        });
        CURRENT_VM.with(|c| c.set(Rc::as_ptr(&vm)));
        crate::builtins::boot::populate(&vm);
        vm
    }

    pub fn keep_alive(&self, v: Value) {
        self.graveyard.borrow_mut().push(v);
    }

    /// `Py_ReprEnter`: false if `v`'s repr is already being computed (a cycle).
    pub fn repr_enter(&self, v: &Value) -> bool {
        let id = v.id();
        let mut s = self.repr_stack.borrow_mut();
        if s.contains(&id) {
            return false;
        }
        s.push(id);
        true
    }

    pub fn repr_leave(&self, v: &Value) {
        let id = v.id();
        let mut s = self.repr_stack.borrow_mut();
        if let Some(p) = s.iter().rposition(|&x| x == id) {
            s.remove(p);
        }
    }

    /// `__name__` of the running frame's globals.
    pub fn current_globals_name(&self) -> Option<Value> {
        let frames = self.frames.borrow();
        let f = frames.last()?;
        match &f.globals.payload {
            Payload::Dict(d) => d.borrow().get_str("__name__").cloned(),
            _ => None,
        }
    }

    /// File and line of the running Python code (for warnings).
    pub fn current_location(&self) -> (String, i32) {
        let frames = self.frames.borrow();
        match frames.last() {
            Some(f) => (
                crate::protocol::attr::str_of(&f.code.filename).to_string(),
                f.lineno().unwrap_or(0),
            ),
            None => ("sys".to_string(), 1),
        }
    }

    /// The `CO_FUTURE_*` flags of the running code (inherited by `exec`/`eval`).
    pub fn current_future_flags(&self) -> u32 {
        let frames = self.frames.borrow();
        frames
            .last()
            .map(|f| f.code.flags() & 0x1FE_0000)
            .unwrap_or(0)
    }

    /// `sys.<name>`.
    pub fn sys_attr(&self, name: &str) -> PyResult<Value> {
        let sys = self.sys.borrow().clone();
        match sys {
            Some(s) => {
                let d = self.module_dict(&s);
                let v = match &d.payload {
                    Payload::Dict(dd) => dd.borrow().get_str(name).cloned(),
                    _ => None,
                };
                v.ok_or_else(|| self.runtime_error(format!("lost sys.{name}")))
            }
            None => Err(self.runtime_error("sys is not initialized")),
        }
    }

    /// `sys.modules[name]`, if present.
    pub fn modules_get(&self, name: &str) -> Option<Value> {
        crate::import::sys_modules_get(self, name)
    }

    /// Writes text to a file object (an exact `TextIOWrapper`, such as the standard streams,
    /// without a method call).
    pub fn write_to(&self, file: &Value, text: &str) -> PyResult<()> {
        if let Some(r) = crate::builtins::io::text::write_str(self, file, text) {
            return r;
        }
        self.call_method(file, "write", &[self.new_str(text)])?;
        Ok(())
    }

    /// Writes to `sys.stderr` (falling back to the process's stderr).
    pub fn write_stderr(&self, text: &str) {
        if let Ok(f) = self.sys_attr("stderr")
            && !f.is_none()
            && self.write_to(&f, text).is_ok()
        {
            let _ = self.call_method(&f, "flush", &[]);
            return;
        }
        eprint!("{text}");
    }

    /// Flushes `sys.stdout` and `sys.stderr` (at exit).
    pub fn flush_std_streams(&self) {
        for name in ["stdout", "stderr"] {
            if let Ok(f) = self.sys_attr(name)
                && !f.is_none()
            {
                let _ = self.call_method(&f, "flush", &[]);
            }
        }
    }

    /// Handles the outcome of running `__main__`: prints an uncaught exception, interprets
    /// SystemExit, and gives the process exit status.
    pub fn exit_status(&self, r: PyResult<Value>) -> i32 {
        let status = match r {
            Ok(_) => 0,
            Err(e) => self.report_exception(&e),
        };
        self.flush_std_streams();
        status
    }

    /// Prints an exception that reached the top level; returns the exit status.
    pub fn report_exception(&self, e: &PyRef) -> i32 {
        if crate::types::is_subtype(e.class(), &self.types.exceptions.system_exit) {
            let code = self
                .getattr_opt(&Value::Obj(e.clone()), "code")
                .ok()
                .flatten()
                .unwrap_or(Value::None);
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    self.flush_std_streams();
                    let text = self.str(&other).unwrap_or_default();
                    self.write_stderr(&format!("{text}\n"));
                    1
                }
            };
        }
        self.flush_std_streams();
        match self.sys_attr("excepthook") {
            Ok(hook) if !matches!(hook.payload(), Some(Payload::BuiltinFunction(b)) if b.name == "excepthook") =>
            {
                let ev = Value::Obj(e.clone());
                let tb = crate::exceptions::exc_data(e)
                    .map(|d| d.traceback.borrow().clone())
                    .unwrap_or(Value::None);
                if let Err(e2) = self.call(&hook, &[self.type_value(&ev), ev, tb]) {
                    self.write_stderr("Error in sys.excepthook:\n");
                    crate::traceback::print_exception(self, &e2);
                    self.write_stderr("\nOriginal exception was:\n");
                    crate::traceback::print_exception(self, e);
                }
            }
            _ => crate::traceback::print_exception(self, e),
        }
        1
    }

    /// Runs a garbage collection if enough containers were made since the last one.
    #[inline]
    pub fn maybe_collect(&self) {
        if crate::gc::due() {
            crate::gc::collect_scheduled(self);
        }
    }

    /// An interned str object.
    pub fn intern(&self, s: &str) -> PyRef {
        if let Some(o) = self.interned.borrow().get(s) {
            return o.clone();
        }
        let o = crate::str::new_str(s);
        self.interned.borrow_mut().insert(s.into(), o.clone());
        o
    }

    pub fn new_str(&self, s: &str) -> Value {
        Value::Obj(crate::str::str_object(&self.types, s))
    }

    pub fn new_string(&self, s: String) -> Value {
        Value::Obj(crate::str::str_object(&self.types, s))
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        Value::Obj(PyObject::new(
            self.types.tuple.clone(),
            Payload::Tuple(items.into_boxed_slice()),
        ))
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(PyObject::new(
            self.types.list.clone(),
            Payload::List(RefCell::new(items)),
        ))
    }

    /// The class of any value.
    #[inline]
    pub fn class_of<'a>(&'a self, v: &'a Value) -> &'a PyRef {
        match v {
            Value::Obj(o) => o.class(),
            Value::Int(_) => &self.types.int,
            Value::Float(_) => &self.types.float,
            Value::Bool(_) => &self.types.bool_,
            Value::None => &self.types.none_type,
            Value::Null => &self.types.none_type,
        }
    }

    /// The short name of a value's type (`__name__`, CPython's `_PyType_Name`).
    pub fn type_name(&self, v: &Value) -> String {
        crate::types::type_data(self.class_of(v))
            .name
            .borrow()
            .clone()
    }

    /// The name CPython's generic error messages give a value's type: `tp_name`, which for
    /// a type written in Rust outside `builtins` includes its module (`collections.deque`).
    pub fn tp_name(&self, v: &Value) -> String {
        let td = crate::types::type_data(self.class_of(v));
        let name = td.name.borrow();
        if td.has_flag(crate::types::flags::HEAPTYPE) || name.contains('.') {
            return name.clone();
        }
        match crate::builtins::type_::type_module_name(td) {
            Some(m) if m != "builtins" => format!("{m}.{name}"),
            _ => name.clone(),
        }
    }

    /// Runs a module-level code object in `globals`.
    pub fn run_code(&self, code: Rc<Code>, globals: PyRef) -> PyResult<Value> {
        let locals = Value::Obj(globals.clone());
        let builtins = self.builtins_dict.clone();
        let frame = Frame::new(self, code, globals, builtins, Some(locals), None);
        self.run_frame(frame)
    }

    /// The module dict used as `__builtins__` by new frames.
    pub fn builtins_for(&self, globals: &PyRef) -> PyRef {
        if let Payload::Dict(d) = &globals.payload
            && let Some(b) = d.borrow().get_str("__builtins__")
        {
            match b {
                Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => return o.clone(),
                Value::Obj(o) => {
                    if let Payload::Module(m) = &o.payload {
                        return m.dict.clone();
                    }
                }
                _ => {}
            }
        }
        self.builtins_dict.clone()
    }

    /// Guards a native → Python re-entry (a sort key, `__eq__`, `__repr__`): counts it
    /// against the recursion limit and grows the Rust stack if it runs low.
    pub fn enter_native<R>(&self, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() + 50 {
            return Err(self.new_exception_msg(
                &self.types.exceptions.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth.set(depth);
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, f);
        // Relative: frames pushed inside and popped elsewhere (generators) balance themselves.
        self.depth.set(self.depth.get() - 1);
        r
    }
}
