//! Code objects as the VM executes them: translated once, from the CPython 3.11 instruction
//! stream into the internal form. A code object's header (counts, names, flags) is made at
//! load; its body (instructions, constants, names) when it first runs or is inspected, so
//! importing a module does not pay for the functions it never calls.
//! Counterpart: Objects/codeobject.c and the quickening of Python/specialize.c (3.11).
//!
//! The internal form drops CACHE units and EXTENDED_ARG prefixes, folds the prefixes into the
//! argument, and turns every jump into an absolute instruction index. Every operand is checked
//! here (local slots, constants, names, jump targets), so the eval loop can index without
//! fear: a corrupt header is refused at load with an exception, and a body whose operands are
//! out of range raises SystemError when run, never a panic.

use std::cell::OnceCell;
use std::rc::Rc;

use rpy_marshal::CodeObject;
use rpy_marshal::Opcode;
use rpy_marshal::code::kinds;
use rpy_marshal::linetable::{Position, decode_positions};
use rpy_marshal::opcode::{self, JumpKind, OperandKind};

use crate::inline_cache::{CacheCell, NO_CACHE};
use crate::value::{PyRef, Value};

/// One internal instruction.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Opcode,
    /// Index into `Code::caches`, or `inline_cache::NO_CACHE`.
    pub cache: u16,
    /// The full argument (EXTENDED_ARG folded in); for jumps, the target instruction index.
    pub arg: u32,
}

/// An exception-table entry in instruction indices.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

pub struct Code {
    /// The stored form, for `co_*` attributes, `dis` and marshal.
    pub obj: Rc<CodeObject>,
    pub nlocalsplus: usize,
    /// Number of free variables (the last slots).
    pub nfree: usize,
    pub name: PyRef,
    pub qualname: PyRef,
    pub filename: PyRef,
    /// The number of positional arguments a call binds with no work beyond moving them into
    /// the first local slots (a function with only positional parameters, run in a frame of
    /// its own); `u32::MAX` when binding needs `bind_slow`.
    pub(crate) simple_argc: u32,
    body: OnceCell<Body>,
    /// `consts[0]` made before the body, when a function asked for its docstring: the body
    /// reuses it, so `f.__doc__ is f.__code__.co_consts[0]`.
    first_const: OnceCell<Value>,
    positions: OnceCell<Vec<Position>>,
    /// The Python code object wrapping this code, once made (`f_code is func.__code__`).
    pub(crate) wrapper: std::cell::RefCell<std::rc::Weak<crate::object::PyObject>>,
}

/// What a code object runs: made on first use (`Code::built`).
pub struct Body {
    pub instrs: Box<[Instr]>,
    /// The inline caches of the instructions that have one (`Instr::cache`).
    pub caches: Box<[CacheCell]>,
    /// Code-unit offset of each instruction (the unit of the opcode, not its prefixes).
    pub unit_of: Box<[u32]>,
    pub consts: Box<[Value]>,
    pub names: Box<[PyRef]>,
    pub localsplus_names: Box<[PyRef]>,
    pub handlers: Box<[Handler]>,
}

/// The argument of the sentinel CACHE instruction that ends every translated code object.
pub const PAST_END: u32 = u32::MAX;
/// The argument of the CACHE instruction that is the whole body of a code object whose
/// operands are out of range: running it raises SystemError with the message `consts[0]`.
pub const BAD_BODY: u32 = u32::MAX - 1;

/// Why a code object cannot be loaded.
#[derive(Debug)]
pub struct BadCode(pub String);

impl Code {
    /// A code object whose body is made on first use by `build` (see `Code::built`). The
    /// header is checked now: the argument counts must fit the local slots.
    pub fn new(
        obj: Rc<CodeObject>,
        name: PyRef,
        qualname: PyRef,
        filename: PyRef,
    ) -> Result<Code, BadCode> {
        let nlocalsplus = obj.localsplusnames.len();
        if obj.localspluskinds.len() != nlocalsplus {
            return Err(BadCode(
                "code: localsplusnames and localspluskinds differ in length".into(),
            ));
        }
        if obj.argcount as usize
            + obj.kwonlyargcount as usize
            + (obj.flags & rpy_marshal::code::flags::VARARGS != 0) as usize
            + (obj.flags & rpy_marshal::code::flags::VARKEYWORDS != 0) as usize
            > nlocalsplus
        {
            return Err(BadCode("code: co_varnames is too small".into()));
        }
        let nfree = obj
            .localspluskinds
            .iter()
            .filter(|&&k| k & kinds::FREE != 0)
            .count();
        use rpy_marshal::code::flags as co;
        let simple = obj.flags & (co::OPTIMIZED | co::NEWLOCALS) == co::OPTIMIZED | co::NEWLOCALS
            && obj.flags & (co::VARARGS | co::VARKEYWORDS) == 0
            && obj.kwonlyargcount == 0;
        Ok(Code {
            simple_argc: if simple { obj.argcount } else { u32::MAX },
            nlocalsplus,
            nfree,
            name,
            qualname,
            filename,
            body: OnceCell::new(),
            first_const: OnceCell::new(),
            positions: OnceCell::new(),
            wrapper: std::cell::RefCell::new(std::rc::Weak::new()),
            obj,
        })
    }

    /// The body, made now if this is its first use.
    #[inline]
    pub fn built(&self, vm: &crate::vm::Vm) -> &Body {
        self.body
            .get_or_init(|| crate::interp::build_body(vm, &self.obj, self.first_const.get()))
    }

    /// `consts[0]` when it is a str (a function's docstring), else None; the body is not
    /// built for it.
    pub fn docstring(&self, vm: &crate::vm::Vm) -> Value {
        if let Some(b) = self.body.get() {
            return match b.consts.first() {
                Some(v) if crate::str::as_str(v).is_some() => v.clone(),
                _ => Value::None,
            };
        }
        match self.obj.consts.first() {
            Some(c @ rpy_marshal::Value::Str(_)) => self
                .first_const
                .get_or_init(|| crate::interp::value_from_marshal(vm, c).unwrap_or(Value::None))
                .clone(),
            _ => Value::None,
        }
    }

    /// The body of code that has run: every frame's code was built when the frame was made.
    #[inline]
    pub fn body(&self) -> &Body {
        match self.body.get() {
            Some(b) => b,
            None => unbuilt(),
        }
    }

    /// Whether a call with `nargs` positional arguments binds them by moving them into the
    /// first local slots of a frame (`simple_argc`), the body being made already.
    #[inline]
    pub(crate) fn binds_by_moving(&self, nargs: usize) -> bool {
        self.simple_argc as usize == nargs && self.body.get().is_some()
    }

    /// Gives the code its body, when the caller has made it already.
    pub fn set_body(&self, body: Body) {
        let _ = self.body.set(body);
    }

    #[inline]
    pub fn flags(&self) -> u32 {
        self.obj.flags
    }

    pub fn argcount(&self) -> usize {
        self.obj.argcount as usize
    }

    pub fn posonlyargcount(&self) -> usize {
        self.obj.posonlyargcount as usize
    }

    pub fn kwonlyargcount(&self) -> usize {
        self.obj.kwonlyargcount as usize
    }

    pub fn stacksize(&self) -> usize {
        self.obj.stacksize as usize
    }

    pub fn kind(&self, slot: usize) -> u8 {
        self.obj.localspluskinds.get(slot).copied().unwrap_or(0)
    }

    /// The handler covering instruction `index`, if any (innermost entry wins: CPython's
    /// table never overlaps, so the first match is the one).
    pub fn handler_for(&self, index: usize) -> Option<Handler> {
        let i = index as u32;
        self.body()
            .handlers
            .iter()
            .find(|h| h.start <= i && i < h.end)
            .copied()
    }

    /// Source positions per code unit (decoded on first use).
    pub fn positions(&self) -> &[Position] {
        self.positions
            .get_or_init(|| decode_positions(&self.obj.linetable, self.obj.firstlineno))
    }

    /// The position of instruction `index`.
    pub fn position_of(&self, index: usize) -> Position {
        let unit = self.body().unit_of.get(index).copied().unwrap_or(0) as usize;
        self.positions().get(unit).cloned().unwrap_or(Position {
            line: None,
            end_line: None,
            col: None,
            end_col: None,
        })
    }

    /// The line of instruction `index` (`None` for artificial instructions).
    pub fn line_of(&self, index: usize) -> Option<i32> {
        self.position_of(index).line
    }

    /// Byte offset of instruction `index`, as `f_lasti`/`tb_lasti` report it.
    pub fn byte_offset(&self, index: usize) -> u32 {
        self.body().unit_of.get(index).copied().unwrap_or(0) * 2
    }
}

#[cold]
#[inline(never)]
fn unbuilt() -> ! {
    unreachable!("a frame's code is built when the frame is made")
}

impl Body {
    /// The body of a code object whose operands do not check: running it raises SystemError.
    pub fn bad(message: Value, localsplus_names: Box<[PyRef]>) -> Body {
        Body {
            instrs: Box::new([Instr {
                op: Opcode::Cache,
                cache: NO_CACHE,
                arg: BAD_BODY,
            }]),
            caches: Box::new([]),
            unit_of: Box::new([0]),
            consts: Box::new([message]),
            names: Box::new([]),
            localsplus_names,
            handlers: Box::new([]),
        }
    }
}

/// Translates the instruction stream and checks every operand. `consts`, `names` and the
/// localsplus names are converted by the caller (they need the VM's object constructors).
pub fn translate(
    obj: &CodeObject,
    consts: Box<[Value]>,
    names: Box<[PyRef]>,
    localsplus_names: Box<[PyRef]>,
) -> Result<Body, BadCode> {
    let t = decode(obj, consts.len(), names.len())?;
    Ok(Body {
        instrs: t.instrs.into_boxed_slice(),
        caches: (0..t.ncaches).map(|_| CacheCell::default()).collect(),
        unit_of: t.unit_of.into_boxed_slice(),
        consts,
        names,
        localsplus_names,
        handlers: t.handlers.into_boxed_slice(),
    })
}

/// Runs every check `translate` makes (operands, jump targets, handlers, the value stack's
/// depth) on a code object alone, without a VM: whether it could run.
pub fn verify(obj: &CodeObject) -> Result<(), BadCode> {
    decode(obj, obj.consts.len(), obj.names.len()).map(|_| ())
}

/// `translate`'s work short of converting constants and names.
struct Decoded {
    instrs: Vec<Instr>,
    ncaches: u16,
    unit_of: Vec<u32>,
    handlers: Vec<Handler>,
}

fn decode(obj: &CodeObject, nconsts: usize, nnames: usize) -> Result<Decoded, BadCode> {
    let raw = &obj.code;
    if !raw.len().is_multiple_of(2) {
        return Err(BadCode("code: co_code is malformed".into()));
    }
    let nunits = raw.len() / 2;
    let nlocalsplus = obj.localsplusnames.len();
    // First pass: instruction boundaries. `index_at_unit[u]` is the instruction that owns
    // unit u (prefixes and caches map to their instruction), `start_of[i]` its first unit.
    let mut instrs: Vec<(u8, u32, usize)> = Vec::with_capacity(nunits); // (opcode, arg, unit)
    let mut index_at_unit: Vec<u32> = Vec::with_capacity(nunits + 1);
    let mut u = 0;
    while u < nunits {
        let mut arg: u32 = 0;
        let mut op = raw[2 * u];
        let mut prefixes = 0;
        while op == opcode::EXTENDED_ARG {
            arg = (arg << 8) | raw[2 * u + 1] as u32;
            u += 1;
            prefixes += 1;
            if u >= nunits || prefixes > 3 {
                return Err(BadCode("code: EXTENDED_ARG at the end of co_code".into()));
            }
            op = raw[2 * u];
        }
        arg = (arg << 8) | raw[2 * u + 1] as u32;
        let caches = opcode::info(op).caches as usize;
        let index = instrs.len() as u32;
        // The prefixes, the opcode and its caches (cut short at the end) all map to it.
        let end = (u + 1 + caches).min(nunits);
        index_at_unit.resize(end, index);
        instrs.push((op, arg, u));
        u += 1 + caches;
    }
    let count = instrs.len() as u32;
    // The unit past the end maps to the end.
    index_at_unit.resize(nunits + 1, count);
    let index_of_unit = |unit: usize| -> Option<u32> { index_at_unit.get(unit).copied() };
    let mut out = Vec::with_capacity(instrs.len() + 1);
    let mut ncaches: u16 = 0;
    let mut unit_of = Vec::with_capacity(instrs.len() + 1);
    for &(byte, arg, unit) in &instrs {
        let info = opcode::info(byte);
        let Some(op) = Opcode::from_u8(byte).filter(|_| info.is_base) else {
            // Executing it raises SystemError, as CPython does for an unknown opcode.
            out.push(Instr {
                op: Opcode::Cache,
                cache: NO_CACHE,
                arg: byte as u32,
            });
            unit_of.push(unit as u32);
            continue;
        };
        let bad = |what: &str| {
            BadCode(format!(
                "code: {} operand {arg} out of range in {}",
                info.name, what
            ))
        };
        let arg = match info.jump {
            JumpKind::Forward => {
                let target = unit + 1 + arg as usize;
                index_of_unit(target)
                    .filter(|&t| t < count && target <= nunits)
                    .ok_or_else(|| bad("jump"))?
            }
            JumpKind::Backward => {
                let target = (unit + 1)
                    .checked_sub(arg as usize)
                    .ok_or_else(|| bad("jump"))?;
                index_of_unit(target)
                    .filter(|&t| t < count)
                    .ok_or_else(|| bad("jump"))?
            }
            _ => {
                let limit = match info.operand {
                    OperandKind::Const => Some(nconsts),
                    OperandKind::Local | OperandKind::Free => Some(nlocalsplus),
                    OperandKind::Name => Some(match op {
                        Opcode::LoadGlobal => nnames * 2,
                        _ => nnames,
                    }),
                    _ => None,
                };
                if let Some(limit) = limit
                    && arg as usize >= limit
                {
                    return Err(bad("table"));
                }
                if op == Opcode::KwNames && arg as usize >= nconsts {
                    return Err(bad("consts"));
                }
                if op == Opcode::CopyFreeVars && arg as usize > nlocalsplus {
                    return Err(bad("free variables"));
                }
                arg
            }
        };
        let cache = match op {
            Opcode::LoadGlobal | Opcode::LoadAttr | Opcode::StoreAttr | Opcode::LoadMethod
                if ncaches < NO_CACHE =>
            {
                ncaches += 1;
                ncaches - 1
            }
            _ => NO_CACHE,
        };
        out.push(Instr { op, cache, arg });
        unit_of.push(unit as u32);
    }
    // A sentinel after the last instruction: the eval loop fetches without a bounds check,
    // and code that runs off its end executes this (SystemError, as CPython's own check).
    out.push(Instr {
        op: Opcode::Cache,
        cache: NO_CACHE,
        arg: PAST_END,
    });
    unit_of.push(nunits as u32);
    let mut handlers = Vec::new();
    for e in rpy_marshal::exceptiontable::decode(&obj.exceptiontable) {
        let start = index_of_unit(e.start as usize).unwrap_or(count);
        let end = index_of_unit(e.end as usize).unwrap_or(count);
        let target = index_of_unit(e.target as usize).filter(|&t| t < count);
        let Some(target) = target else {
            return Err(BadCode(
                "code: exception handler target out of range".into(),
            ));
        };
        handlers.push(Handler {
            start,
            end,
            target,
            depth: e.depth,
            lasti: e.lasti,
        });
    }
    crate::stack_check::check(&out, &handlers, obj.stacksize).map_err(BadCode)?;
    // NOP and PRECALL do nothing (PRECALL's operand only mattered to the check above): in the
    // internal form they jump to the next instruction, which the eval loop's fast path runs
    // as a jump (see `Vm::fast_path`).
    for (i, instr) in out.iter_mut().enumerate() {
        if matches!(instr.op, Opcode::Nop | Opcode::Precall) {
            instr.arg = i as u32 + 1;
        }
    }
    Ok(Decoded {
        instrs: out,
        ncaches,
        unit_of,
        handlers,
    })
}
