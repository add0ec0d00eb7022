//! The hash modules `hashlib` falls back to without OpenSSL: `_md5` (RFC 1321), `_sha1`,
//! `_sha256` (SHA-224/256) and `_sha512` (SHA-384/512) of FIPS 180-4, `_sha3` (SHA3-224…512,
//! SHAKE128/256 of FIPS 202) and `_blake2` (BLAKE2b/BLAKE2s of RFC 7693, with keys, salts,
//! personalization and tree parameters). The round constants are derived from their
//! definitions (roots of primes, sines, the Keccak LFSR) when first needed.
//! Counterpart: Modules/md5module.c, sha1module.c, sha256module.c, sha512module.c,
//! _sha3/sha3module.c and _blake2/blake2{b,s}_impl.c (3.11).

use std::cell::RefCell;
use std::sync::OnceLock;

use num_bigint::BigUint;
use num_traits::ToPrimitive;

use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::function::{MethodKind, NativeFn, check_count};
use crate::builtins::itertools::{bind_args, native_type, new_native};
use crate::object::NativeData;
use crate::types::Layout;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

// ---- constants ----

struct Consts {
    md5_k: [u32; 64],
    sha256_k: [u32; 64],
    sha512_k: [u64; 80],
    sha224_iv: [u32; 8],
    sha256_iv: [u32; 8],
    sha384_iv: [u64; 8],
    sha512_iv: [u64; 8],
    keccak_rc: [u64; 24],
    keccak_rot: [u32; 25],
}

fn primes(n: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(n);
    let mut c = 2u64;
    while out.len() < n {
        if out
            .iter()
            .take_while(|&&p| p * p <= c)
            .all(|&p| !c.is_multiple_of(p))
        {
            out.push(c);
        }
        c += 1;
    }
    out
}

/// The first 64 bits of the fractional part of the `root`-th root of `p`.
fn frac_root64(p: u64, root: u32) -> u64 {
    let scaled = BigUint::from(p) << (64 * root as usize);
    let r = scaled.nth_root(root);
    (r & BigUint::from(u64::MAX)).to_u64().unwrap_or(0)
}

fn consts() -> &'static Consts {
    static C: OnceLock<Consts> = OnceLock::new();
    C.get_or_init(|| {
        let ps = primes(80);
        let mut c = Consts {
            md5_k: [0; 64],
            sha256_k: [0; 64],
            sha512_k: [0; 80],
            sha224_iv: [0; 8],
            sha256_iv: [0; 8],
            sha384_iv: [0; 8],
            sha512_iv: [0; 8],
            keccak_rc: [0; 24],
            keccak_rot: [0; 25],
        };
        for (i, k) in c.md5_k.iter_mut().enumerate() {
            *k = ((i as f64 + 1.0).sin().abs() * 4_294_967_296.0) as u32;
        }
        for (i, &p) in ps.iter().enumerate() {
            let k = frac_root64(p, 3);
            c.sha512_k[i] = k;
            if i < 64 {
                c.sha256_k[i] = (k >> 32) as u32;
            }
        }
        for i in 0..8 {
            let a = frac_root64(ps[i], 2);
            let b = frac_root64(ps[i + 8], 2);
            c.sha512_iv[i] = a;
            c.sha256_iv[i] = (a >> 32) as u32;
            c.sha384_iv[i] = b;
            c.sha224_iv[i] = b as u32;
        }
        // Keccak round constants from the degree-8 LFSR, rotation offsets from the (x, y)
        // walk of FIPS 202.
        let mut r: u8 = 1;
        for rc in c.keccak_rc.iter_mut() {
            for j in 0..7 {
                if r & 1 == 1 {
                    *rc |= 1u64 << ((1 << j) - 1);
                }
                r = (r << 1) ^ if r & 0x80 != 0 { 0x71 } else { 0 };
            }
        }
        let (mut x, mut y) = (1usize, 0usize);
        for t in 0..24u32 {
            c.keccak_rot[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
            (x, y) = (y, (2 * x + 3 * y) % 5);
        }
        c
    })
}

// ---- Merkle–Damgård hashes ----

/// A hash function's running state.
trait Hasher {
    fn update(&mut self, data: &[u8]);
    /// The digest (`len` bytes, for the extendable-output functions).
    fn digest(&self, len: usize) -> Vec<u8>;
    fn box_clone(&self) -> Box<dyn Hasher>;
}

#[derive(Clone, Copy)]
enum Md {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

/// MD5, SHA-1 and SHA-2: a chaining state over fixed blocks, padded with the bit length.
#[derive(Clone)]
struct MdHash {
    kind: Md,
    h32: [u32; 8],
    h64: [u64; 8],
    buf: Vec<u8>,
    /// Bytes hashed so far.
    total: u128,
    out_len: usize,
}

impl MdHash {
    fn new(kind: Md, out_len: usize) -> MdHash {
        let c = consts();
        let mut h = MdHash {
            kind,
            h32: [0; 8],
            h64: [0; 8],
            buf: Vec::new(),
            total: 0,
            out_len,
        };
        match (kind, out_len) {
            (Md::Md5 | Md::Sha1, _) => {
                h.h32[..5].copy_from_slice(&[
                    0x6745_2301,
                    0xefcd_ab89,
                    0x98ba_dcfe,
                    0x1032_5476,
                    0xc3d2_e1f0,
                ]);
            }
            (Md::Sha256, 28) => h.h32 = c.sha224_iv,
            (Md::Sha256, _) => h.h32 = c.sha256_iv,
            (Md::Sha512, 48) => h.h64 = c.sha384_iv,
            (Md::Sha512, _) => h.h64 = c.sha512_iv,
        }
        h
    }

    fn block_size(&self) -> usize {
        match self.kind {
            Md::Sha512 => 128,
            _ => 64,
        }
    }

    fn compress(&mut self, block: &[u8]) {
        match self.kind {
            Md::Md5 => md5_block(&mut self.h32, block),
            Md::Sha1 => sha1_block(&mut self.h32, block),
            Md::Sha256 => sha256_block(&mut self.h32, block),
            Md::Sha512 => sha512_block(&mut self.h64, block),
        }
    }

    fn absorb(&mut self, mut data: &[u8]) {
        let bs = self.block_size();
        if !self.buf.is_empty() {
            let take = (bs - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() == bs {
                let block = std::mem::take(&mut self.buf);
                self.compress(&block);
            }
        }
        let mut blocks = data.chunks_exact(bs);
        for block in blocks.by_ref() {
            self.compress(block);
        }
        self.buf.extend_from_slice(blocks.remainder());
    }
}

impl Hasher for MdHash {
    fn update(&mut self, data: &[u8]) {
        self.total += data.len() as u128;
        self.absorb(data);
    }

    fn digest(&self, _len: usize) -> Vec<u8> {
        let mut s = self.clone();
        let bs = s.block_size();
        let len_bytes = bs / 8;
        let bits = s.total.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        while (s.buf.len() + pad.len()) % bs != bs - len_bytes {
            pad.push(0);
        }
        match s.kind {
            Md::Md5 => pad.extend_from_slice(&(bits as u64).to_le_bytes()),
            Md::Sha512 => pad.extend_from_slice(&bits.to_be_bytes()),
            _ => pad.extend_from_slice(&(bits as u64).to_be_bytes()),
        }
        s.absorb(&pad);
        let mut out = Vec::with_capacity(64);
        match s.kind {
            Md::Md5 => s.h32[..4]
                .iter()
                .for_each(|w| out.extend_from_slice(&w.to_le_bytes())),
            Md::Sha1 => s.h32[..5]
                .iter()
                .for_each(|w| out.extend_from_slice(&w.to_be_bytes())),
            Md::Sha256 => s
                .h32
                .iter()
                .for_each(|w| out.extend_from_slice(&w.to_be_bytes())),
            Md::Sha512 => s
                .h64
                .iter()
                .for_each(|w| out.extend_from_slice(&w.to_be_bytes())),
        }
        out.truncate(s.out_len);
        out
    }

    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

fn md5_block(h: &mut [u32; 8], block: &[u8]) {
    const S: [[u32; 4]; 4] = [
        [7, 12, 17, 22],
        [5, 9, 14, 20],
        [4, 11, 16, 23],
        [6, 10, 15, 21],
    ];
    let k = &consts().md5_k;
    let mut m = [0u32; 16];
    for (w, c) in m.iter_mut().zip(block.chunks_exact(4)) {
        *w = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    }
    let (mut a, mut b, mut c, mut d) = (h[0], h[1], h[2], h[3]);
    for i in 0..64 {
        let (f, g) = match i / 16 {
            0 => ((b & c) | (!b & d), i),
            1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
            2 => (b ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (b | !d), (7 * i) % 16),
        };
        let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
        a = d;
        d = c;
        c = b;
        b = b.wrapping_add(f.rotate_left(S[i / 16][i % 4]));
    }
    h[0] = h[0].wrapping_add(a);
    h[1] = h[1].wrapping_add(b);
    h[2] = h[2].wrapping_add(c);
    h[3] = h[3].wrapping_add(d);
}

fn sha1_block(h: &mut [u32; 8], block: &[u8]) {
    let mut w = [0u32; 80];
    for (i, c) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
    }
    for t in 16..80 {
        w[t] = (w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]).rotate_left(1);
    }
    let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
    for (t, &wt) in w.iter().enumerate() {
        let (f, k) = match t / 20 {
            0 => ((b & c) | (!b & d), 0x5a82_7999),
            1 => (b ^ c ^ d, 0x6ed9_eba1),
            2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
            _ => (b ^ c ^ d, 0xca62_c1d6),
        };
        let tmp = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(wt);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = tmp;
    }
    for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
        *x = x.wrapping_add(y);
    }
}

fn sha256_block(h: &mut [u32; 8], block: &[u8]) {
    let k = &consts().sha256_k;
    let mut w = [0u32; 64];
    for (i, c) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
    }
    for t in 16..64 {
        let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
        let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
        w[t] = s1
            .wrapping_add(w[t - 7])
            .wrapping_add(s0)
            .wrapping_add(w[t - 16]);
    }
    let mut v = *h;
    for t in 0..64 {
        let [a, b, c, d, e, f, g, hh] = v;
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(k[t])
            .wrapping_add(w[t]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

fn sha512_block(h: &mut [u64; 8], block: &[u8]) {
    let k = &consts().sha512_k;
    let mut w = [0u64; 80];
    for (i, c) in block.chunks_exact(8).enumerate() {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        w[i] = u64::from_be_bytes(b);
    }
    for t in 16..80 {
        let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
        let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
        w[t] = s1
            .wrapping_add(w[t - 7])
            .wrapping_add(s0)
            .wrapping_add(w[t - 16]);
    }
    let mut v = *h;
    for t in 0..80 {
        let [a, b, c, d, e, f, g, hh] = v;
        let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(k[t])
            .wrapping_add(w[t]);
        let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

// ---- SHA-3 ----

fn keccak_f(a: &mut [u64; 25]) {
    let c = consts();
    for rc in c.keccak_rc {
        let mut col = [0u64; 5];
        for x in 0..5 {
            col[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = col[(x + 4) % 5] ^ col[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] =
                    a[x + 5 * y].rotate_left(c.keccak_rot[x + 5 * y]);
            }
        }
        for y in 0..5 {
            for x in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        a[0] ^= rc;
    }
}

/// The Keccak sponge with `rate` bytes and domain suffix `suffix`.
#[derive(Clone)]
struct Sponge {
    state: [u64; 25],
    rate: usize,
    suffix: u8,
    /// Bytes of the current block absorbed so far.
    pos: usize,
    out_len: usize,
}

impl Sponge {
    fn xor_byte(&mut self, i: usize, b: u8) {
        self.state[i / 8] ^= u64::from(b) << (8 * (i % 8));
    }
}

impl Hasher for Sponge {
    fn update(&mut self, data: &[u8]) {
        for &b in data {
            self.xor_byte(self.pos, b);
            self.pos += 1;
            if self.pos == self.rate {
                keccak_f(&mut self.state);
                self.pos = 0;
            }
        }
    }

    fn digest(&self, len: usize) -> Vec<u8> {
        let mut s = self.clone();
        let len = if s.out_len > 0 { s.out_len } else { len };
        s.xor_byte(s.pos, s.suffix);
        s.xor_byte(s.rate - 1, 0x80);
        keccak_f(&mut s.state);
        let mut out = Vec::with_capacity(len);
        loop {
            for i in 0..s.rate {
                if out.len() == len {
                    return out;
                }
                out.push((s.state[i / 8] >> (8 * (i % 8))) as u8);
            }
            keccak_f(&mut s.state);
        }
    }

    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

// ---- BLAKE2 ----

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// BLAKE2b (`wide`, 64-bit words) or BLAKE2s (32-bit words); words are kept in u64.
#[derive(Clone)]
struct Blake2 {
    wide: bool,
    h: [u64; 8],
    /// Bytes compressed so far.
    t: u128,
    buf: Vec<u8>,
    last_node: bool,
    out_len: usize,
}

impl Blake2 {
    fn block(&self) -> usize {
        if self.wide { 128 } else { 64 }
    }

    fn compress(&mut self, block: &[u8], last: bool) {
        let c = consts();
        let (rounds, rot, mask, bytes) = if self.wide {
            (12, [32, 24, 16, 63], u64::MAX, 8)
        } else {
            (10, [16, 12, 8, 7], u64::from(u32::MAX), 4)
        };
        let bits = bytes * 8;
        let rotr = |x: u64, n: u32| ((x >> n) | (x << (bits - n))) & mask;
        let mut m = [0u64; 16];
        for (x, w) in m.iter_mut().zip(block.chunks_exact(bytes as usize)) {
            let mut b = [0u8; 8];
            b[..w.len()].copy_from_slice(w);
            *x = u64::from_le_bytes(b);
        }
        let mut v = [0u64; 16];
        v[..8].copy_from_slice(&self.h);
        for i in 0..8 {
            v[8 + i] = if self.wide {
                c.sha512_iv[i]
            } else {
                u64::from(c.sha256_iv[i])
            };
        }
        v[12] ^= (self.t as u64) & mask;
        v[13] ^= ((self.t >> bits) as u64) & mask;
        if last {
            v[14] ^= mask;
            if self.last_node {
                v[15] ^= mask;
            }
        }
        let add = |a: u64, b: u64| a.wrapping_add(b) & mask;
        let g = |v: &mut [u64; 16], a: usize, b: usize, cc: usize, d: usize, x: u64, y: u64| {
            v[a] = add(add(v[a], v[b]), x);
            v[d] = rotr(v[d] ^ v[a], rot[0]);
            v[cc] = add(v[cc], v[d]);
            v[b] = rotr(v[b] ^ v[cc], rot[1]);
            v[a] = add(add(v[a], v[b]), y);
            v[d] = rotr(v[d] ^ v[a], rot[2]);
            v[cc] = add(v[cc], v[d]);
            v[b] = rotr(v[b] ^ v[cc], rot[3]);
        };
        for r in 0..rounds {
            let s = &SIGMA[r % 10];
            g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for i in 0..8 {
            self.h[i] ^= v[i] ^ v[i + 8];
        }
    }
}

impl Hasher for Blake2 {
    fn update(&mut self, mut data: &[u8]) {
        let bs = self.block();
        while !data.is_empty() {
            // The last block is compressed by `digest`, so a full buffer waits for more data.
            if self.buf.len() == bs {
                self.t += bs as u128;
                let block = std::mem::take(&mut self.buf);
                self.compress(&block, false);
            }
            let take = (bs - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
    }

    fn digest(&self, _len: usize) -> Vec<u8> {
        let mut s = self.clone();
        s.t += s.buf.len() as u128;
        let mut block = std::mem::take(&mut s.buf);
        block.resize(s.block(), 0);
        s.compress(&block, true);
        let mut out = Vec::with_capacity(64);
        for w in s.h {
            if s.wide {
                out.extend_from_slice(&w.to_le_bytes());
            } else {
                out.extend_from_slice(&(w as u32).to_le_bytes());
            }
        }
        out.truncate(s.out_len);
        out
    }

    fn box_clone(&self) -> Box<dyn Hasher> {
        Box::new(self.clone())
    }
}

/// The BLAKE2 parameters.
struct Blake2Params {
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: u8,
    last_node: bool,
}

fn blake2_new(wide: bool, p: &Blake2Params) -> Blake2 {
    let c = consts();
    let (salt_len, off_len) = if wide { (16, 8) } else { (8, 6) };
    let mut block = Vec::with_capacity(64);
    block.extend_from_slice(&[p.digest_size as u8, p.key.len() as u8, p.fanout, p.depth]);
    block.extend_from_slice(&p.leaf_size.to_le_bytes());
    block.extend_from_slice(&p.node_offset.to_le_bytes()[..off_len]);
    block.extend_from_slice(&[p.node_depth, p.inner_size]);
    if wide {
        block.extend_from_slice(&[0; 14]);
    }
    for part in [&p.salt, &p.person] {
        let mut field = part.clone();
        field.resize(salt_len, 0);
        block.extend_from_slice(&field);
    }
    let bytes = if wide { 8 } else { 4 };
    let mut h = [0u64; 8];
    for (i, w) in block.chunks_exact(bytes).enumerate() {
        let mut b = [0u8; 8];
        b[..bytes].copy_from_slice(w);
        let iv = if wide {
            c.sha512_iv[i]
        } else {
            u64::from(c.sha256_iv[i])
        };
        h[i] = iv ^ u64::from_le_bytes(b);
    }
    let mut s = Blake2 {
        wide,
        h,
        t: 0,
        buf: Vec::new(),
        last_node: p.last_node,
        out_len: p.digest_size,
    };
    if !p.key.is_empty() {
        let mut k = p.key.clone();
        k.resize(s.block(), 0);
        s.update(&k);
    }
    s
}

// ---- the Python objects ----

/// Which hash an object computes: its class, `name`, sizes and, for SHA-3, the sponge
/// parameters.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha3(usize),
    Shake(usize),
    Blake2b,
    Blake2s,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Md5 => "_md5.md5",
            Kind::Sha1 => "_sha1.sha1",
            Kind::Sha224 => "_sha256.sha224",
            Kind::Sha256 => "_sha256.sha256",
            Kind::Sha384 => "_sha512.sha384",
            Kind::Sha512 => "_sha512.sha512",
            Kind::Sha3(224) => "_sha3.sha3_224",
            Kind::Sha3(256) => "_sha3.sha3_256",
            Kind::Sha3(384) => "_sha3.sha3_384",
            Kind::Sha3(_) => "_sha3.sha3_512",
            Kind::Shake(128) => "_sha3.shake_128",
            Kind::Shake(_) => "_sha3.shake_256",
            Kind::Blake2b => "_blake2.blake2b",
            Kind::Blake2s => "_blake2.blake2s",
        }
    }

    fn name(self) -> &'static str {
        self.key().rsplit('.').next().unwrap_or("")
    }

    fn block_size(self) -> usize {
        match self {
            Kind::Sha384 | Kind::Sha512 | Kind::Blake2b => 128,
            Kind::Sha3(bits) => 200 - bits / 4,
            Kind::Shake(bits) => 200 - bits / 4,
            _ => 64,
        }
    }

    fn new_hasher(self) -> Box<dyn Hasher> {
        match self {
            Kind::Md5 => Box::new(MdHash::new(Md::Md5, 16)),
            Kind::Sha1 => Box::new(MdHash::new(Md::Sha1, 20)),
            Kind::Sha224 => Box::new(MdHash::new(Md::Sha256, 28)),
            Kind::Sha256 => Box::new(MdHash::new(Md::Sha256, 32)),
            Kind::Sha384 => Box::new(MdHash::new(Md::Sha512, 48)),
            Kind::Sha512 => Box::new(MdHash::new(Md::Sha512, 64)),
            Kind::Sha3(bits) | Kind::Shake(bits) => Box::new(Sponge {
                state: [0; 25],
                rate: self.block_size(),
                suffix: if matches!(self, Kind::Shake(_)) {
                    0x1f
                } else {
                    0x06
                },
                pos: 0,
                out_len: if matches!(self, Kind::Shake(_)) {
                    0
                } else {
                    bits / 8
                },
            }),
            Kind::Blake2b | Kind::Blake2s => unreachable!("made by blake2_new"),
        }
    }
}

pub struct HashObj {
    kind: Kind,
    digest_size: usize,
    state: RefCell<Box<dyn Hasher>>,
}

impl NativeData for HashObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a HashObj> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<HashObj>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor requires a hash object but received a '{}'",
                vm.type_name(v)
            ))
        })
}

/// The data to hash: any bytes-like object, never a str.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if crate::str::as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    buffer_bytes(v).ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

fn new_hash(vm: &Vm, kind: Kind, digest_size: usize, state: Box<dyn Hasher>) -> Value {
    new_native(
        vm.types.other(kind.key()),
        HashObj {
            kind,
            digest_size,
            state: RefCell::new(state),
        },
    )
}

fn h_update(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let h = this(vm, &args[0])?;
    check_count(
        vm,
        format_args!("{}.update", h.kind.name()),
        &args[1..],
        kwnames,
        1,
        1,
    )?;
    let data = data_arg(vm, &args[1])?;
    h.state.borrow_mut().update(&data);
    Ok(Value::None)
}

/// The digest: for SHAKE, of the length given as the one argument.
fn digest_of(vm: &Vm, args: &[Value], kwnames: &[Value], what: &str) -> PyResult<Vec<u8>> {
    let h = this(vm, &args[0])?;
    let fname = format!("{}.{what}", h.kind.name());
    if !matches!(h.kind, Kind::Shake(_)) {
        check_count(vm, &fname, &args[1..], kwnames, 0, 0)?;
        return Ok(h.state.borrow().digest(0));
    }
    check_count(vm, &fname, &args[1..], kwnames, 1, 1)?;
    let n = crate::builtins::int::as_bigint(&args[1])
        .ok_or_else(|| vm.type_error("an integer is required"))?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("value must be positive"));
    }
    let len = n.to_u64().unwrap_or(u64::MAX);
    if len >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    Ok(h.state.borrow().digest(len as usize))
}

fn h_digest(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(new_bytes(vm, digest_of(vm, args, kwnames, "digest")?))
}

fn h_hexdigest(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = digest_of(vm, args, kwnames, "hexdigest")?;
    Ok(vm.new_string(d.iter().map(|b| format!("{b:02x}")).collect()))
}

fn h_copy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let h = this(vm, &args[0])?;
    check_count(
        vm,
        format_args!("{}.copy", h.kind.name()),
        &args[1..],
        kwnames,
        0,
        0,
    )?;
    let state = h.state.borrow().box_clone();
    Ok(new_hash(vm, h.kind, h.digest_size, state))
}

fn h_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(this(vm, v)?.kind.name()))
}

fn h_digest_size(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(this(vm, v)?.digest_size))
}

fn h_block_size(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(this(vm, v)?.kind.block_size()))
}

/// The AttributeError for assigning or deleting the read-only `attr` (the VM's generic one
/// names the class without its module).
fn not_writable(vm: &Vm, v: &Value, attr: &str) -> crate::vm::PyErr {
    let owner = this(vm, v).map(|h| h.kind.key()).unwrap_or("hash");
    vm.attribute_error(format!(
        "attribute '{attr}' of '{owner}' objects is not writable"
    ))
}

macro_rules! readonly {
    ($($f:ident: $attr:literal),* $(,)?) => {
        $(fn $f(vm: &Vm, v: &Value, _new: Option<Value>) -> PyResult<()> {
            Err(not_writable(vm, v, $attr))
        })*
    };
}

readonly!(
    set_name: "name",
    set_digest_size: "digest_size",
    set_block_size: "block_size",
    set_capacity_bits: "_capacity_bits",
    set_rate_bits: "_rate_bits",
    set_suffix: "_suffix",
);

fn sha3_kind(vm: &Vm, v: &Value) -> PyResult<Kind> {
    let h = this(vm, v)?;
    Ok(h.kind)
}

fn h_capacity_bits(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(1600 - sha3_kind(vm, v)?.block_size() * 8))
}

fn h_rate_bits(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(sha3_kind(vm, v)?.block_size() * 8))
}

fn h_suffix(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = if matches!(sha3_kind(vm, v)?, Kind::Shake(_)) {
        0x1f
    } else {
        0x06
    };
    Ok(new_bytes(vm, vec![s]))
}

fn no_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(|c| vm.is_type(c))
        .map(|t| {
            let td = crate::types::type_data(&t);
            let module = td
                .lookup("__module__")
                .and_then(|m| crate::str::as_str(&m).map(str::to_string))
                .unwrap_or_default();
            format!("{module}.{}", td.name.borrow())
        })
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

fn init_hash_type(vm: &Vm, t: &PyRef) {
    vm.add_methods(
        t,
        &[
            ("update", h_update),
            ("digest", h_digest),
            ("hexdigest", h_hexdigest),
            ("copy", h_copy),
        ],
    );
    vm.add_getsets(
        t,
        &[
            ("name", h_name, Some(set_name)),
            ("digest_size", h_digest_size, Some(set_digest_size)),
            ("block_size", h_block_size, Some(set_block_size)),
        ],
    );
}

fn init_md_type(vm: &Vm, t: &PyRef) {
    init_hash_type(vm, t);
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
}

fn init_sha3_type(vm: &Vm, t: &PyRef) {
    init_hash_type(vm, t);
    vm.add_getsets(
        t,
        &[
            ("_capacity_bits", h_capacity_bits, Some(set_capacity_bits)),
            ("_rate_bits", h_rate_bits, Some(set_rate_bits)),
            ("_suffix", h_suffix, Some(set_suffix)),
        ],
    );
}

// ---- constructors ----

/// `md5(string=b'', *, usedforsecurity=True)` and the other MD constructors.
fn md_constructor(vm: &Vm, kind: Kind, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        kind.name(),
        args,
        kwnames,
        &["string", "usedforsecurity"],
        1,
        0,
    )?;
    let mut state = kind.new_hasher();
    if let Some(data) = &p[0] {
        state.update(&data_arg(vm, data)?);
    }
    let size = state.digest(0).len();
    Ok(new_hash(vm, kind, size, state))
}

macro_rules! md_fn {
    ($name:ident, $kind:expr) => {
        fn $name(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            md_constructor(vm, $kind, args, kwnames)
        }
    };
}

md_fn!(new_md5, Kind::Md5);
md_fn!(new_sha1, Kind::Sha1);
md_fn!(new_sha224, Kind::Sha224);
md_fn!(new_sha256, Kind::Sha256);
md_fn!(new_sha384, Kind::Sha384);
md_fn!(new_sha512, Kind::Sha512);

/// The data argument of the positional-only constructors (`data=b'', /, *, ...`).
fn posonly_data(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    kw: &[&str],
) -> PyResult<(Option<Value>, Vec<Option<Value>>)> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!(
            "{fname}() takes at most 1 positional argument ({npos} given)"
        )));
    }
    let p = bind_args(vm, fname, &args[npos..], kwnames, kw, 0, 0)?;
    Ok((args[..npos].first().cloned(), p))
}

/// The class argument of a `__new__`, and the `Kind` it makes.
fn class_kind(vm: &Vm, args: &[Value], kinds: &[Kind]) -> PyResult<Kind> {
    let cls = args.first().and_then(|c| vm.is_type(c));
    for &k in kinds {
        if let Some(c) = &cls
            && std::rc::Rc::ptr_eq(c, &vm.types.other(k.key()))
        {
            return Ok(k);
        }
    }
    Err(vm.type_error("__new__(X): X is not a hash type"))
}

fn sha3_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let kind = class_kind(
        vm,
        args,
        &[
            Kind::Sha3(224),
            Kind::Sha3(256),
            Kind::Sha3(384),
            Kind::Sha3(512),
            Kind::Shake(128),
            Kind::Shake(256),
        ],
    )?;
    // CPython names every SHA-3 constructor "sha3_224" in its messages.
    let (data, _) = posonly_data(vm, "sha3_224", &args[1..], kwnames, &["usedforsecurity"])?;
    let mut state = kind.new_hasher();
    if let Some(d) = data {
        state.update(&data_arg(vm, &d)?);
    }
    let size = match kind {
        Kind::Sha3(bits) => bits / 8,
        _ => 0,
    };
    Ok(new_hash(vm, kind, size, state))
}

/// A C `int` parameter.
fn c_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index_value(v)?;
    let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
    n.to_i32().map(i64::from).ok_or_else(|| {
        vm.overflow_error(if n.sign() == num_bigint::Sign::Minus {
            "Python int too small to convert to C int"
        } else {
            "Python int too large to convert to C int"
        })
    })
}

/// An unsigned C long or long long parameter (`value must be positive` when negative).
fn c_unsigned(vm: &Vm, v: &Value) -> PyResult<u64> {
    let n = crate::builtins::int::as_bigint(v).ok_or_else(|| {
        vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))
    })?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("value must be positive"));
    }
    n.to_u64()
        .ok_or_else(|| vm.overflow_error("int too big to convert"))
}

fn bytes_param(vm: &Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => crate::builtins::bytes::bytes_arg(vm, v),
    }
}

fn blake2_ctor(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let kind = class_kind(vm, args, &[Kind::Blake2b, Kind::Blake2s])?;
    let wide = kind == Kind::Blake2b;
    let (max_out, max_salt) = if wide { (64, 16) } else { (32, 8) };
    let (data, p) = posonly_data(
        vm,
        kind.name(),
        &args[1..],
        kwnames,
        &[
            "digest_size",
            "key",
            "salt",
            "person",
            "fanout",
            "depth",
            "leaf_size",
            "node_offset",
            "node_depth",
            "inner_size",
            "last_node",
            "usedforsecurity",
        ],
    )?;
    let get = |i: usize| p.get(i).and_then(Option::as_ref);
    let int_or = |i: usize, d: i64| -> PyResult<i64> {
        match get(i) {
            Some(v) => c_int(vm, v),
            None => Ok(d),
        }
    };
    let digest_size = int_or(0, max_out)?;
    let key = bytes_param(vm, get(1))?;
    let salt = bytes_param(vm, get(2))?;
    let person = bytes_param(vm, get(3))?;
    let fanout = int_or(4, 1)?;
    let depth = int_or(5, 1)?;
    let leaf_size = match get(6) {
        Some(v) => c_unsigned(vm, v)?,
        None => 0,
    };
    let node_offset = match get(7) {
        Some(v) => c_unsigned(vm, v)?,
        None => 0,
    };
    let node_depth = int_or(8, 0)?;
    let inner_size = int_or(9, 0)?;
    let last_node = match get(10) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !(1..=max_out).contains(&digest_size) {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max_out} bytes")));
    }
    if salt.len() > max_salt {
        return Err(vm.value_error(format!("maximum salt length is {max_salt} bytes")));
    }
    if person.len() > max_salt {
        return Err(vm.value_error(format!("maximum person length is {max_salt} bytes")));
    }
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    if leaf_size > u64::from(u32::MAX) {
        return Err(vm.overflow_error("leaf_size is too large"));
    }
    if !wide && node_offset > 0xffff_ffff_ffff {
        return Err(vm.overflow_error("node_offset is too large"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    if !(0..=max_out).contains(&inner_size) {
        return Err(vm.value_error(format!("inner_size must be between 0 and is {max_out}")));
    }
    if key.len() as i64 > max_out {
        return Err(vm.value_error(format!("maximum key length is {max_out} bytes")));
    }
    let params = Blake2Params {
        digest_size: digest_size as usize,
        key,
        salt,
        person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset,
        node_depth: node_depth as u8,
        inner_size: inner_size as u8,
        last_node,
    };
    let mut state: Box<dyn Hasher> = Box::new(blake2_new(wide, &params));
    if let Some(d) = data {
        state.update(&data_arg(vm, &d)?);
    }
    Ok(new_hash(vm, kind, digest_size as usize, state))
}

fn init_blake2_type(vm: &Vm, t: &PyRef) {
    init_hash_type(vm, t);
    vm.add_methods_kind(t, &[("__new__", blake2_ctor)], MethodKind::Static);
    let wide = crate::types::type_data(t).name.borrow().as_str() == "blake2b";
    let (salt, key) = if wide { (16, 64) } else { (8, 32) };
    for (n, v) in [
        ("SALT_SIZE", salt),
        ("PERSON_SIZE", salt),
        ("MAX_KEY_SIZE", key),
        ("MAX_DIGEST_SIZE", key),
    ] {
        vm.add_attr(t, n, Value::Int(v));
    }
}

fn init_sha3_class(vm: &Vm, t: &PyRef) {
    init_sha3_type(vm, t);
    vm.add_methods_kind(t, &[("__new__", sha3_new)], MethodKind::Static);
}

// ---- modules ----

fn set(vm: &Vm, m: &PyRef, name: &str, v: Value) {
    let d = vm.module_dict(m);
    let _ = vm.dict_set_str(&d, vm.intern(name), v);
}

/// One MD-style module: its constructors, and the classes listed in `types`.
fn md_module(
    vm: &Vm,
    name: &str,
    ctors: &[(&'static str, NativeFn, Kind)],
    types: &[(&str, Kind)],
) -> Value {
    let m = vm.new_module(name);
    for &(n, f, kind) in ctors {
        native_type(vm, kind.key(), None, Layout::Native, 0, init_md_type);
        set(vm, &m, n, vm.new_builtin_function(n, f));
    }
    for &(n, kind) in types {
        set(vm, &m, n, Value::Obj(vm.types.other(kind.key())));
    }
    Value::Obj(m)
}

/// Makes the hash module `name` (`_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`, `_blake2`).
pub fn module(vm: &Vm, name: &str) -> Value {
    match name {
        "_md5" => md_module(
            vm,
            name,
            &[("md5", new_md5, Kind::Md5)],
            &[("MD5Type", Kind::Md5)],
        ),
        "_sha1" => md_module(
            vm,
            name,
            &[("sha1", new_sha1, Kind::Sha1)],
            &[("SHA1Type", Kind::Sha1)],
        ),
        "_sha256" => md_module(
            vm,
            name,
            &[
                ("sha224", new_sha224, Kind::Sha224),
                ("sha256", new_sha256, Kind::Sha256),
            ],
            &[("SHA224Type", Kind::Sha224), ("SHA256Type", Kind::Sha256)],
        ),
        "_sha512" => md_module(
            vm,
            name,
            &[
                ("sha384", new_sha384, Kind::Sha384),
                ("sha512", new_sha512, Kind::Sha512),
            ],
            &[("SHA384Type", Kind::Sha384)],
        ),
        "_sha3" => {
            let m = vm.new_module(name);
            for kind in [
                Kind::Sha3(224),
                Kind::Sha3(256),
                Kind::Sha3(384),
                Kind::Sha3(512),
                Kind::Shake(128),
                Kind::Shake(256),
            ] {
                let t = native_type(vm, kind.key(), None, Layout::Native, 0, init_sha3_class);
                set(vm, &m, kind.name(), Value::Obj(t));
            }
            set(vm, &m, "implementation", vm.new_str("tiny_sha3"));
            set(vm, &m, "keccakopt", Value::Int(0));
            Value::Obj(m)
        }
        _ => {
            let m = vm.new_module(name);
            for kind in [Kind::Blake2b, Kind::Blake2s] {
                let t = native_type(vm, kind.key(), None, Layout::Native, 0, init_blake2_type);
                set(vm, &m, kind.name(), Value::Obj(t));
            }
            for (n, v) in [
                ("BLAKE2B_SALT_SIZE", 16),
                ("BLAKE2B_PERSON_SIZE", 16),
                ("BLAKE2B_MAX_KEY_SIZE", 64),
                ("BLAKE2B_MAX_DIGEST_SIZE", 64),
                ("BLAKE2S_SALT_SIZE", 8),
                ("BLAKE2S_PERSON_SIZE", 8),
                ("BLAKE2S_MAX_KEY_SIZE", 32),
                ("BLAKE2S_MAX_DIGEST_SIZE", 32),
            ] {
                set(vm, &m, n, Value::Int(v));
            }
            Value::Obj(m)
        }
    }
}
