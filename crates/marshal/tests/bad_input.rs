//! Hostile pycs: real standard-library pycs truncated at many points and mutated at random.
//! Every outcome must be a value or an error naming an offset; never a panic, a hang or an
//! allocation sized by an unchecked length. Whatever loads is also disassembled, re-marshalled
//! and decoded, so the table codecs and the disassembler see garbage too.

mod common;

use rpy_marshal::{dis, marshal, pyc};

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn exercise(data: &[u8]) {
    match pyc::read_pyc(data) {
        Ok(p) => {
            let _ = dis::dis(&p.code);
            let _ = p.code.positions();
            let _ = p.code.lines();
            let _ = p.code.exception_entries();
            let _ = marshal::dumps(&rpy_marshal::Value::Code(p.code.clone()), 4);
        }
        Err(e) => {
            let text = e.to_string();
            assert!(!text.is_empty());
            if let pyc::PycError::Marshal(m) = &e {
                assert!(
                    m.offset <= data.len(),
                    "offset {} beyond {} bytes",
                    m.offset,
                    data.len()
                );
            }
        }
    }
}

#[test]
fn truncated_and_mutated_pycs_never_panic() {
    let corpus = common::corpus();
    let step = corpus.pycs.len() / 24;
    let mut rng = Rng(0x005E_ED0F_4B1D);
    let mut cases = 0usize;
    for path in corpus.pycs.iter().step_by(step.max(1)) {
        let data = std::fs::read(path).expect("read pyc");
        // Truncations, including inside the header.
        let cuts = 150.min(data.len());
        for i in 0..cuts {
            exercise(&data[..i * data.len() / cuts]);
            cases += 1;
        }
        // Random byte mutations: single bytes, runs, and 0xff/0x7f length bombs.
        for round in 0..300 {
            let mut m = data.clone();
            let n = 1 + round % 4;
            for _ in 0..n {
                let at = pyc::HEADER_LEN + rng.below(m.len() - pyc::HEADER_LEN);
                m[at] = match rng.below(4) {
                    0 => 0xff,
                    1 => 0x7f,
                    _ => rng.next() as u8,
                };
            }
            exercise(&m);
            cases += 1;
        }
    }
    println!("bad input: {cases} truncated or mutated pycs handled without a panic");
}
