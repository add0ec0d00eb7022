//! CPython 3.11's `hash()` for constant values with hash randomization off
//! (`PYTHONHASHSEED=0`), and the iteration order of a frozenset built from them.
//! Counterpart: Python/pyhash.c, Objects/longobject.c, Objects/tupleobject.c and
//! Objects/setobject.c (3.11).
//!
//! `dis` prints a frozenset constant in its hash-table order. With these functions our
//! disassembler prints the order python3.11 prints under `PYTHONHASHSEED=0`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::value::Value;

const MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: i32 = 61;

fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix(crate::siphash::siphash13(0, 0, data) as i64)
}

fn hash_str(s: &crate::value::PyStr) -> i64 {
    let points: Vec<u32> = s.code_points().collect();
    let max = points.iter().copied().max().unwrap_or(0);
    let mut data = Vec::with_capacity(points.len() * 4);
    for cp in points {
        match max {
            0..=0xFF => data.push(cp as u8),
            0x100..=0xFFFF => data.extend_from_slice(&(cp as u16).to_le_bytes()),
            _ => data.extend_from_slice(&cp.to_le_bytes()),
        }
    }
    hash_bytes(&data)
}

fn hash_int(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
    fix(if n < 0 { -m } else { m })
}

fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
    fix(if n.is_negative() { -m } else { m })
}

/// `_Py_HashDouble`; `None` for NaN (its hash is its address).
pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_infinite() {
        return Some(if v > 0.0 { 314159 } else { -314159 });
    }
    if v.is_nan() {
        return None;
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS
    } else {
        HASH_BITS - 1 - ((-1 - e) % HASH_BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    Some(fix((x as i64).wrapping_mul(sign)))
}

/// C's `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7FF << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(v)` under `PYTHONHASHSEED=0`; `None` where CPython hashes by address (None,
/// Ellipsis, NaN, code objects) or the value is unhashable.
pub fn hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::False => 0,
        Value::True => 1,
        Value::Int(n) => hash_int(*n),
        Value::Long(n) => hash_bigint(n),
        Value::Float(x) => hash_float(*x)?,
        Value::Complex(re, im) => {
            let h = (hash_float(*re)? as u64)
                .wrapping_add((hash_float(*im)? as u64).wrapping_mul(1000003));
            fix(h as i64)
        }
        Value::Str(s) => hash_str(s),
        Value::Bytes(b) => hash_bytes(b),
        Value::Tuple(items) => {
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for item in items.iter() {
                let lane = hash(item)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as i64
            }
        }
        _ => return None,
    })
}

/// The order in which CPython iterates a frozenset whose items were added in `items` order
/// (marshal order); `None` if some item's hash is not reproducible.
pub fn set_iteration_order(items: &[Value]) -> Option<Vec<usize>> {
    const LINEAR_PROBES: usize = 9;
    const PERTURB_SHIFT: u32 = 5;
    let hashes: Vec<u64> = items
        .iter()
        .map(|v| hash(v).map(|h| h as u64))
        .collect::<Option<_>>()?;
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut fill = 0usize;
    let insert = |table: &mut Vec<Option<usize>>, idx: usize, h: u64| -> bool {
        let mask = table.len() - 1;
        let mut i = (h as usize) & mask;
        let mut perturb = h;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for slot in &mut table[i..=i + probes] {
                match *slot {
                    None => {
                        *slot = Some(idx);
                        return true;
                    }
                    Some(other) if hashes[other] == h && items[other] == items[idx] => {
                        return false;
                    }
                    Some(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    };
    for (idx, &h) in hashes.iter().enumerate() {
        if !insert(&mut table, idx, h) {
            continue;
        }
        fill += 1;
        let mask = table.len() - 1;
        if fill * 5 >= mask * 3 {
            let used = fill;
            let min_used = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min_used {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for entry in old.into_iter().flatten() {
                insert(&mut table, entry, hashes[entry]);
            }
        }
    }
    Some(table.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        // Values from python3.11 with PYTHONHASHSEED=0.
        assert_eq!(hash(&Value::Int(-1)), Some(-2));
        assert_eq!(hash(&Value::Int(1 << 62)), Some(2));
        assert_eq!(hash(&Value::Float(1.5)), Some(1152921504606846977));
        assert_eq!(hash(&Value::Float(-0.1)), Some(-230584300921369408));
        assert_eq!(
            hash(&Value::Tuple(vec![].into())),
            Some(5740354900026072187)
        );
        assert_eq!(hash(&Value::str("a")), Some(4644417185603328019));
        assert_eq!(
            hash(&Value::Bytes(b"a"[..].into())),
            Some(4644417185603328019)
        );
        assert_eq!(hash(&Value::str("é")), Some(6047309291227476195));
        assert_eq!(hash(&Value::str("\u{20ac}")), Some(-5529981157763016009));
    }
}
