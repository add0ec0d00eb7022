//! Int operations whose rules are Python's: floor `//`, `%` and `divmod`, `bit_length`,
//! `bit_count`, `to_bytes`/`from_bytes`, `round(n, ndigits)` and three-argument `pow`.
//! Counterpart: Objects/longobject.c (`long_div`, `long_mod`, `long_divmod`,
//! `int_bit_length_impl`, `int_bit_count_impl`, `int_to_bytes_impl`, `int_from_bytes_impl`,
//! `_PyLong_AsByteArray`, `long_round`, `long_pow`) (3.11).

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, Zero};

use super::error::NumError;

/// `a // b`: the quotient rounded toward negative infinity.
pub fn int_floordiv(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return Err(NumError::IntDivisionByZero);
    }
    Ok(a.div_floor(b))
}

/// `a % b`: the remainder with the divisor's sign (`-7 % 3 == 2`).
pub fn int_mod(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return Err(NumError::IntModuloByZero);
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn int_divmod(a: &BigInt, b: &BigInt) -> Result<(BigInt, BigInt), NumError> {
    if b.is_zero() {
        return Err(NumError::IntDivisionByZero);
    }
    Ok(a.div_mod_floor(b))
}

/// `n.bit_length()`: bits of `|n|`, 0 for 0.
pub fn bit_length(n: &BigInt) -> u64 {
    n.bits()
}

/// `n.bit_count()`: one bits of `|n|`.
pub fn bit_count(n: &BigInt) -> u64 {
    n.magnitude()
        .iter_u64_digits()
        .map(|d| u64::from(d.count_ones()))
        .sum()
}

/// The `byteorder` of `int.to_bytes` and `int.from_bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    Big,
    Little,
}

/// `n.to_bytes(length, byteorder, signed=signed)`: two's complement when `signed`.
/// Fails with "length argument must be non-negative", "can't convert negative int to
/// unsigned", "int too big to convert", "byte string is too large" or `MemoryError`. As in
/// CPython, -1 and 0 fit in zero signed bytes.
pub fn int_to_bytes(
    n: &BigInt,
    length: isize,
    order: ByteOrder,
    signed: bool,
) -> Result<Vec<u8>, NumError> {
    let length = usize::try_from(length).map_err(|_| NumError::NegativeLength)?;
    let negative = n.sign() == Sign::Minus;
    if negative && !signed {
        return Err(NumError::NegativeToUnsigned);
    }
    let mut bytes = if n.is_zero() || (length == 0 && signed && *n == -BigInt::one()) {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if bytes.len() > length {
        return Err(NumError::IntTooBig);
    }
    // PyBytes_FromStringAndSize's bound: the header and trailing NUL must fit too.
    if length > isize::MAX as usize - 33 {
        return Err(NumError::BytesTooLarge);
    }
    bytes
        .try_reserve_exact(length - bytes.len())
        .map_err(|_| NumError::MemoryError)?;
    bytes.resize(length, if negative { 0xFF } else { 0 });
    if order == ByteOrder::Big {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=signed)`.
pub fn int_from_bytes(bytes: &[u8], order: ByteOrder, signed: bool) -> BigInt {
    if bytes.is_empty() {
        return BigInt::zero();
    }
    match (order, signed) {
        (ByteOrder::Big, true) => BigInt::from_signed_bytes_be(bytes),
        (ByteOrder::Little, true) => BigInt::from_signed_bytes_le(bytes),
        (ByteOrder::Big, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (ByteOrder::Little, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
    }
}

/// `round(n, ndigits)`: `n` itself for `ndigits >= 0`, else the nearest multiple of
/// `10**-ndigits`, ties to even (`round(25, -1) == 20`, `round(-35, -1) == -40`).
pub fn int_round(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    let places = ndigits.unsigned_abs();
    // 10**places > 2|n| whenever places × log2(10) > bits(n) + 1: the result is 0.
    if places as f64 * std::f64::consts::LOG2_10 > n.bits() as f64 + 2.0 {
        return BigInt::zero();
    }
    let unit: BigInt = Pow::pow(BigInt::from(10u8), places);
    let (mut q, r) = n.div_mod_floor(&unit);
    let twice: BigInt = r << 1u8;
    if twice > unit || (twice == unit && q.is_odd()) {
        q += 1u8;
    }
    q * unit
}

/// `pow(base, exp, modulus)`: the result has the modulus's sign (in `(modulus, 0]` for a
/// negative modulus); a negative `exp` raises the modular inverse of `base`. Fails with
/// "pow() 3rd argument cannot be 0" or "base is not invertible for the given modulus".
pub fn int_pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> Result<BigInt, NumError> {
    if modulus.is_zero() {
        return Err(NumError::PowModulusZero);
    }
    let m: BigUint = modulus.magnitude().clone();
    let reduced = base.mod_floor(&BigInt::from(m.clone()));
    let mut b: BigUint = reduced.magnitude().clone();
    if exp.is_negative() {
        b = mod_inverse(&b, &m).ok_or(NumError::NotInvertible)?;
    }
    if m.is_one() {
        return Ok(BigInt::zero());
    }
    let result = b.modpow(exp.magnitude(), &m);
    let result = BigInt::from(result);
    if modulus.is_negative() && !result.is_zero() {
        Ok(result + modulus)
    } else {
        Ok(result)
    }
}

/// The inverse of `a` modulo `m` (`a < m`), by the extended Euclidean algorithm.
fn mod_inverse(a: &BigUint, m: &BigUint) -> Option<BigUint> {
    let a = BigInt::from(a.clone());
    let m = BigInt::from(m.clone());
    let egcd = a.extended_gcd(&m);
    if !egcd.gcd.is_one() {
        return None;
    }
    Some(egcd.x.mod_floor(&m).into_parts().1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: i64) -> BigInt {
        BigInt::from(v)
    }

    #[test]
    fn floor_division() {
        // Expected values printed by python3.11.
        assert_eq!(int_floordiv(&n(-7), &n(2)), Ok(n(-4)));
        assert_eq!(int_mod(&n(-7), &n(3)), Ok(n(2)));
        assert_eq!(int_mod(&n(7), &n(-3)), Ok(n(-2)));
        assert_eq!(int_divmod(&n(-7), &n(-2)), Ok((n(3), n(-1))));
        assert_eq!(int_floordiv(&n(1), &n(0)), Err(NumError::IntDivisionByZero));
        assert_eq!(int_mod(&n(1), &n(0)), Err(NumError::IntModuloByZero));
        assert_eq!(int_divmod(&n(1), &n(0)), Err(NumError::IntDivisionByZero));
        assert_eq!(
            NumError::IntDivisionByZero.to_string(),
            "integer division or modulo by zero"
        );
        assert_eq!(
            NumError::IntModuloByZero.to_string(),
            "integer modulo by zero"
        );
    }

    #[test]
    fn bits() {
        assert_eq!(bit_length(&n(0)), 0);
        assert_eq!(bit_length(&n(-255)), 8);
        assert_eq!(bit_count(&n(-255)), 8);
        assert_eq!(bit_count(&((BigInt::one() << 200u32) - 1u8)), 200);
    }

    #[test]
    fn bytes() {
        let tb = |v: i64, len: isize, order: ByteOrder, signed: bool| {
            int_to_bytes(&n(v), len, order, signed)
        };
        use ByteOrder::{Big, Little};
        assert_eq!(tb(255, 1, Big, false), Ok(vec![0xFF]));
        assert_eq!(tb(256, 1, Big, false), Err(NumError::IntTooBig));
        assert_eq!(tb(-1, 1, Big, false), Err(NumError::NegativeToUnsigned));
        assert_eq!(tb(-1, 1, Big, true), Ok(vec![0xFF]));
        assert_eq!(tb(-128, 1, Little, true), Ok(vec![0x80]));
        assert_eq!(tb(-129, 1, Little, true), Err(NumError::IntTooBig));
        assert_eq!(tb(128, 1, Little, true), Err(NumError::IntTooBig));
        assert_eq!(tb(0, 0, Big, false), Ok(vec![]));
        assert_eq!(tb(0, 0, Big, true), Ok(vec![]));
        assert_eq!(tb(1, 0, Big, false), Err(NumError::IntTooBig));
        assert_eq!(tb(1, -1, Big, false), Err(NumError::NegativeLength));
        assert_eq!(tb(-1, 0, Big, true), Ok(vec![]));
        assert_eq!(tb(-2, 0, Big, true), Err(NumError::IntTooBig));
        assert_eq!(tb(-1, 0, Big, false), Err(NumError::NegativeToUnsigned));
        assert_eq!(tb(127, 0, Big, true), Err(NumError::IntTooBig));
        assert_eq!(tb(1, 3, Little, false), Ok(vec![1, 0, 0]));
        assert_eq!(tb(-256, 2, Big, true), Ok(vec![0xFF, 0x00]));
        assert_eq!(tb(-256, 4, Little, true), Ok(vec![0x00, 0xFF, 0xFF, 0xFF]));
        // python3.11: (1).to_bytes(sys.maxsize, "big") raises OverflowError.
        assert_eq!(tb(1, isize::MAX, Big, false), Err(NumError::BytesTooLarge));
        assert_eq!(tb(1, 1 << 60, Big, false), Err(NumError::MemoryError));
        assert_eq!(
            NumError::BytesTooLarge.to_string(),
            "byte string is too large"
        );
        assert_eq!(int_from_bytes(&[0xFF, 0x00], Big, true), n(-256));
        assert_eq!(int_from_bytes(&[0xFF, 0x00], Little, true), n(255));
        assert_eq!(int_from_bytes(&[], Big, true), n(0));
        assert_eq!(int_from_bytes(&[0x80], Big, false), n(128));
        assert_eq!(int_from_bytes(&[0x80], Big, true), n(-128));
        assert_eq!(NumError::IntTooBig.to_string(), "int too big to convert");
        assert_eq!(
            NumError::NegativeToUnsigned.to_string(),
            "can't convert negative int to unsigned"
        );
    }

    #[test]
    fn rounding() {
        assert_eq!(int_round(&n(15), -1), n(20));
        assert_eq!(int_round(&n(25), -1), n(20));
        assert_eq!(int_round(&n(-25), -1), n(-20));
        assert_eq!(int_round(&n(-35), -1), n(-40));
        assert_eq!(int_round(&n(5), -1), n(0));
        assert_eq!(int_round(&n(123), 2), n(123));
        assert_eq!(int_round(&n(149), -2), n(100));
        assert_eq!(int_round(&n(150), -2), n(200));
        assert_eq!(int_round(&n(250), -2), n(200));
        let big = |d: u32| Pow::pow(BigInt::from(10), d);
        assert_eq!(int_round(&(n(5) * big(20)), -21), n(0));
        assert_eq!(int_round(&(n(6) * big(20)), -21), big(21));
        assert_eq!(int_round(&n(7), i64::MIN), n(0));
        assert_eq!(int_round(&n(-7), -1), n(-10));
    }

    #[test]
    fn modular_pow() {
        let p = |b: i64, e: i64, m: i64| int_pow_mod(&n(b), &n(e), &n(m));
        assert_eq!(p(3, -1, 7), Ok(n(5)));
        assert_eq!(p(2, -1, 4), Err(NumError::NotInvertible));
        assert_eq!(p(3, 2, 0), Err(NumError::PowModulusZero));
        assert_eq!(p(3, 2, -7), Ok(n(-5)));
        assert_eq!(p(-3, 3, 7), Ok(n(1)));
        assert_eq!(p(-3, 3, -7), Ok(n(-6)));
        assert_eq!(p(3, 0, 1), Ok(n(0)));
        assert_eq!(p(3, 0, -1), Ok(n(0)));
        assert_eq!(p(0, -1, 5), Err(NumError::NotInvertible));
        assert_eq!(p(3, -2, -7), Ok(n(-3)));
        assert_eq!(p(5, 3, 1), Ok(n(0)));
        assert_eq!(p(2, 10, 1000), Ok(n(24)));
        assert_eq!(
            NumError::NotInvertible.to_string(),
            "base is not invertible for the given modulus"
        );
        assert_eq!(
            NumError::PowModulusZero.to_string(),
            "pow() 3rd argument cannot be 0"
        );
    }
}
