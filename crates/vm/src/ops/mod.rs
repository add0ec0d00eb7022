//! Opcode handlers too large to sit inline in the eval loop, by family.

mod build;
mod exc;
mod import;
mod matching;
mod names;
