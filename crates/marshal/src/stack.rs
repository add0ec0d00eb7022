//! Recursion over untrusted nesting (marshal data, nested constants) without overflowing
//! the Rust stack, whatever thread we run on: every `CHECK_EVERY` levels, make sure a red
//! zone remains, moving onto a fresh heap-allocated segment if it does not.

/// Stack that must remain before descending `CHECK_EVERY` more levels.
const RED_ZONE: usize = 256 * 1024;
/// Size of each new segment.
const SEGMENT: usize = 2 * 1024 * 1024;
/// How many levels may pass between checks (each level's frame is well under 8 KiB).
const CHECK_EVERY: usize = 16;

/// Runs `f` at nesting level `depth`, growing the stack first when needed.
#[inline]
pub fn guard<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    if depth.is_multiple_of(CHECK_EVERY) {
        stacker::maybe_grow(RED_ZONE, SEGMENT, f)
    } else {
        f()
    }
}
