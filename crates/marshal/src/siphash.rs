//! SipHash-1-3, the keyed hash CPython 3.11 uses for `.pyc` source hashes and `str`/`bytes`
//! hashing. Counterpart: Python/pyhash.c (`siphash13`), 3.11.

#[inline]
fn round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[2] = v[2].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[1]);
    v[0] = v[0].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].rotate_left(32);
}

/// SipHash with one compression round and three finalization rounds.
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f6d6570736575,
        k1 ^ 0x646f72616e646f6d,
        k0 ^ 0x6c7967656e657261,
        k1 ^ 0x7465646279746573,
    ];
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v[3] ^= b;
    round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    round(&mut v);
    round(&mut v);
    round(&mut v);
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `importlib.util.source_hash` vectors from python3.11 (digest §5), as header bytes.
    #[test]
    fn source_hash_vectors() {
        let key = 0x0A0D0DA7;
        for (src, hex) in [
            (&b""[..], "738d9cd5d5e87f73"),
            (b"a", "fa30db0730dcbf07"),
            (b"x = 1\n", "4c0372aa93f75252"),
            (b"print('hello')\n", "de8f2668cdc2c7b5"),
            (b"abcdefgh", "a705b39c25edd8a5"),
            (b"abcdefghijklmnopq", "4eae1d627c07e953"),
        ] {
            let bytes = siphash13(key, 0, src).to_le_bytes();
            let got: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(got, hex, "source {src:?}");
        }
    }
}
