//! The `_random` module: `Random`, the Mersenne Twister (MT19937) behind `random.py`, seeded
//! as CPython seeds it so that the same seed gives the same numbers.
//! Counterpart: Modules/_randommodule.c (3.11).

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::function::{MethodKind, check_count, no_kwargs};
use crate::builtins::itertools::{check_positional, native, native_type, new_class, new_native};
use crate::object::{NativeData, Payload};
use crate::types::{Layout, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const RANDOM: &str = "_random.Random";

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next one to temper.
struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    /// `init_genrand`.
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: seeds from a key of 32-bit words.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `genrand_uint32`: the next 32 random bits.
    fn next_u32(&mut self) -> u32 {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.mt;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_random`: a double in [0, 1) from 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }
}

pub struct RandomObj {
    state: RefCell<Mt>,
}

impl NativeData for RandomObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RandomObj> {
    native::<RandomObj>(vm, v, RANDOM)
}

/// Seeds from the operating system's randomness (the time and pid if that fails).
fn seed_urandom(r: &RandomObj) {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    let key: Vec<u32> = if ok {
        buf.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        vec![
            now as u32,
            (now >> 32) as u32,
            (now >> 64) as u32,
            std::process::id(),
        ]
    };
    r.state.borrow_mut().init_by_array(&key);
}

/// `random_seed`: None seeds from the system; an int by its absolute value; anything else
/// by its hash (as an unsigned word).
fn do_seed(vm: &Vm, r: &RandomObj, arg: Option<&Value>) -> PyResult<()> {
    let n: BigInt = match arg {
        None | Some(Value::None) => {
            seed_urandom(r);
            return Ok(());
        }
        Some(v) => match crate::builtins::int::as_bigint(v) {
            // int.__abs__ even for subclasses (whose __abs__ may lie).
            Some(n) => n.abs(),
            None => BigInt::from(vm.hash(v)? as u64),
        },
    };
    let mut key = n.magnitude().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    r.state.borrow_mut().init_by_array(&key);
    Ok(())
}

fn r_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, RANDOM)?;
    Ok(new_native(
        cls,
        RandomObj {
            state: RefCell::new(Mt {
                mt: [0; N],
                index: 0,
            }),
        },
    ))
}

fn r_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let r = this(vm, &args[0])?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    do_seed(vm, r, args.get(1))?;
    Ok(Value::None)
}

fn r_seed(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Random.seed", kwnames)?;
    let r = this(vm, &args[0])?;
    check_positional(vm, "seed", args.len() - 1, 0, 1)?;
    do_seed(vm, r, args.get(1))?;
    Ok(Value::None)
}

fn r_random(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Random.random", &args[1..], kwnames, 0, 0)?;
    let r = this(vm, &args[0])?;
    let x = r.state.borrow_mut().next_f64();
    Ok(Value::float(x))
}

/// A C `int` argument (`_PyLong_AsInt` through `__index__`).
fn c_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index_value(v)?;
    match i {
        Value::Int(x) if i32::try_from(x).is_ok() => Ok(x),
        _ => Err(vm.overflow_error(
            if crate::builtins::int::as_bigint(&i).is_some_and(|n| n.is_negative()) {
                "Python int too small to convert to C int"
            } else {
                "Python int too large to convert to C int"
            },
        )),
    }
}

fn r_getrandbits(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Random.getrandbits", &args[1..], kwnames, 1, 1)?;
    let r = this(vm, &args[0])?;
    let k = c_int(vm, &args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let mut st = r.state.borrow_mut();
    if k <= 32 {
        return Ok(Value::Int(i64::from(st.next_u32() >> (32 - k))));
    }
    // Whole 32-bit words from the least significant up; the last one keeps its top bits.
    let mut words = Vec::with_capacity((k as usize).div_ceil(32));
    let mut left = k;
    while left > 0 {
        let w = st.next_u32();
        words.push(if left < 32 { w >> (32 - left) } else { w });
        left -= 32;
    }
    drop(st);
    Ok(Value::from_bigint(BigInt::from(num_bigint::BigUint::new(
        words,
    ))))
}

fn r_getstate(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Random.getstate", &args[1..], kwnames, 0, 0)?;
    let r = this(vm, &args[0])?;
    let st = r.state.borrow();
    let mut items: Vec<Value> = st.mt.iter().map(|&w| Value::Int(i64::from(w))).collect();
    items.push(Value::from(st.index));
    drop(st);
    Ok(vm.new_tuple(items))
}

fn r_setstate(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Random.setstate", &args[1..], kwnames, 1, 1)?;
    let r = this(vm, &args[0])?;
    let Some(Payload::Tuple(items)) = args[1].payload() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut mt = [0u32; N];
    for (slot, v) in mt.iter_mut().zip(items.iter()) {
        let n = crate::builtins::int::as_bigint(v)
            .ok_or_else(|| vm.type_error("an integer is required"))?;
        if n.is_negative() {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let w = n.to_u64().ok_or_else(|| {
            vm.overflow_error("Python int too large to convert to C unsigned long")
        })?;
        *slot = w as u32;
    }
    let index = match vm.index_value(&items[N])? {
        Value::Int(i) => i,
        _ => return Err(vm.overflow_error("Python int too large to convert to C long")),
    };
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let mut st = r.state.borrow_mut();
    st.mt = mt;
    st.index = index as usize;
    Ok(Value::None)
}

fn init_random(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", r_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__init__", r_init),
            ("seed", r_seed),
            ("random", r_random),
            ("getrandbits", r_getrandbits),
            ("getstate", r_getstate),
            ("setstate", r_setstate),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str("Random() -> create a random number generator with its own internal state."),
    );
}

/// Makes the `_random` module.
pub fn module(vm: &Vm) -> Value {
    let t = native_type(
        vm,
        RANDOM,
        None,
        Layout::Native,
        flags::BASETYPE,
        init_random,
    );
    let m = vm.new_module("_random");
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(&d, vm.intern("Random"), Value::Obj(t));
    let _ = vm.dict_set_str(
        &d,
        vm.intern("__doc__"),
        vm.new_str("Module implements the Mersenne Twister random number generator."),
    );
    Value::Obj(m)
}
