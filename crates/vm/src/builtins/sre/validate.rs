//! Checks that a code list handed to `_sre.compile` has the shape `re._compiler` gives code:
//! known opcodes, operands present, skips landing inside their block, group numbers in range.
//! The engine relies on this for its jumps.
//! Counterpart: `_validate` in Modules/_sre/sre.c (3.11).

use super::constants::*;

type V<T> = Result<T, ()>;

/// Deeper nesting than the parser can produce is refused rather than recursed into.
const MAX_DEPTH: usize = 2000;

/// Whether `code` is acceptable for a pattern with `groups` capturing groups.
pub fn validate(code: &[u32], groups: usize) -> bool {
    if groups > MAXGROUPS as usize || code.last() != Some(&SUCCESS) {
        return false;
    }
    let mut v = Validator { code, groups };
    matches!(v.block(0, code.len() - 1, 0), Ok(false))
}

struct Validator<'a> {
    code: &'a [u32],
    groups: usize,
}

impl Validator<'_> {
    fn word(&self, i: usize, end: usize) -> V<u32> {
        if i >= end {
            return Err(());
        }
        self.code.get(i).copied().ok_or(())
    }

    /// Reads the skip at `i`: it may reach at most `adj` words past `end`.
    fn skip(&self, i: usize, end: usize, adj: usize) -> V<usize> {
        let skip = self.word(i, end)? as usize;
        if skip.saturating_sub(adj) > end - i {
            return Err(());
        }
        Ok(skip)
    }

    fn charset(&self, mut i: usize, end: usize) -> V<()> {
        while i < end {
            let op = self.word(i, end)?;
            i += 1;
            match op {
                NEGATE => {}
                LITERAL => {
                    self.word(i, end)?;
                    i += 1;
                }
                RANGE | RANGE_UNI_IGNORE => {
                    self.word(i + 1, end)?;
                    i += 2;
                }
                CHARSET => {
                    if end - i < 8 {
                        return Err(());
                    }
                    i += 8;
                }
                BIGCHARSET => {
                    let blocks = self.word(i, end)?;
                    i += 1;
                    if end - i < 64 {
                        return Err(());
                    }
                    for w in &self.code[i..i + 64] {
                        if w.to_ne_bytes().iter().any(|&b| u32::from(b) >= blocks) {
                            return Err(());
                        }
                    }
                    i += 64;
                    let bits = (blocks as usize).checked_mul(8).ok_or(())?;
                    if end - i < bits {
                        return Err(());
                    }
                    i += bits;
                }
                CATEGORY => {
                    if self.word(i, end)? > CATEGORY_UNI_NOT_LINEBREAK {
                        return Err(());
                    }
                    i += 1;
                }
                _ => return Err(()),
            }
        }
        Ok(())
    }

    /// Checks `code[start..end]`; true if it ends with a JUMP (allowed only where a
    /// conditional's "yes" part may end).
    fn block(&mut self, start: usize, end: usize, depth: usize) -> V<bool> {
        if start > end || depth > MAX_DEPTH {
            return Err(());
        }
        let mut i = start;
        while i < end {
            let op = self.word(i, end)?;
            i += 1;
            match op {
                MARK => {
                    if self.word(i, end)? as usize > 2 * self.groups + 1 {
                        return Err(());
                    }
                    i += 1;
                }
                LITERAL
                | NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE => {
                    self.word(i, end)?;
                    i += 1;
                }
                SUCCESS | FAILURE | ANY | ANY_ALL => {}
                AT => {
                    if self.word(i, end)? > AT_UNI_NON_BOUNDARY {
                        return Err(());
                    }
                    i += 1;
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    let skip = self.skip(i, end, 0)?;
                    if skip < 2 {
                        return Err(());
                    }
                    self.charset(i + 1, i + skip - 1)?;
                    if self.code.get(i + skip - 1) != Some(&FAILURE) {
                        return Err(());
                    }
                    i += skip;
                }
                INFO => {
                    let skip = self.skip(i, end, 0)?;
                    let next = i + skip;
                    let flags = self.word(i + 1, end)?;
                    self.word(i + 3, end)?;
                    i += 4;
                    if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
                        || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
                        || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
                    {
                        return Err(());
                    }
                    if flags & INFO_PREFIX != 0 {
                        let len = self.word(i, end)? as usize;
                        self.word(i + 1, end)?;
                        i += 2;
                        if len > next.saturating_sub(i) {
                            return Err(());
                        }
                        i += len;
                        if len > next.saturating_sub(i) {
                            return Err(());
                        }
                        if self.code[i..i + len].iter().any(|&o| o as usize >= len) {
                            return Err(());
                        }
                        i += len;
                    }
                    if flags & INFO_CHARSET != 0 {
                        if next == 0 || next > end {
                            return Err(());
                        }
                        self.charset(i, next - 1)?;
                        if self.code.get(next - 1) != Some(&FAILURE) {
                            return Err(());
                        }
                        i = next;
                    } else if i != next {
                        return Err(());
                    }
                }
                BRANCH => {
                    let mut target = None;
                    loop {
                        let skip = self.skip(i, end, 0)?;
                        i += 1;
                        if skip == 0 {
                            break;
                        }
                        if skip < 3 {
                            return Err(());
                        }
                        if self.block(i, i + skip - 3, depth + 1)? {
                            return Err(());
                        }
                        i += skip - 3;
                        if self.word(i, end)? != JUMP {
                            return Err(());
                        }
                        i += 1;
                        let jskip = self.skip(i, end, 0)?;
                        i += 1;
                        let t = i + jskip - 1;
                        if *target.get_or_insert(t) != t {
                            return Err(());
                        }
                    }
                    if target.is_some_and(|t| t != i) {
                        return Err(());
                    }
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let skip = self.skip(i, end, 0)?;
                    let (min, max) = (self.word(i + 1, end)?, self.word(i + 2, end)?);
                    if skip < 4 || min > max {
                        return Err(());
                    }
                    if self.block(i + 3, i + skip - 1, depth + 1)? {
                        return Err(());
                    }
                    if self.word(i + skip - 1, end)? != SUCCESS {
                        return Err(());
                    }
                    i += skip;
                }
                REPEAT | POSSESSIVE_REPEAT => {
                    let skip = self.skip(i, end, 0)?;
                    let (min, max) = (self.word(i + 1, end)?, self.word(i + 2, end)?);
                    if skip < 3 || min > max {
                        return Err(());
                    }
                    if self.block(i + 3, i + skip, depth + 1)? {
                        return Err(());
                    }
                    let close = self.word(i + skip, end)?;
                    let ok = if op == POSSESSIVE_REPEAT {
                        close == SUCCESS
                    } else {
                        close == MAX_UNTIL || close == MIN_UNTIL
                    };
                    if !ok {
                        return Err(());
                    }
                    i += skip + 1;
                }
                ATOMIC_GROUP => {
                    let skip = self.skip(i, end, 0)?;
                    if skip < 2 {
                        return Err(());
                    }
                    if self.block(i + 1, i + skip - 1, depth + 1)? {
                        return Err(());
                    }
                    if self.word(i + skip - 1, end)? != SUCCESS {
                        return Err(());
                    }
                    i += skip;
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    if self.word(i, end)? as usize >= self.groups {
                        return Err(());
                    }
                    i += 1;
                }
                GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
                    if self.word(i, end)? as usize >= self.groups {
                        return Err(());
                    }
                    i += 1;
                    let skip = self.skip(i, end, 1)?;
                    if skip < 2 {
                        return Err(());
                    }
                    let yes_end = i + skip - 1;
                    if yes_end > end {
                        return Err(());
                    }
                    let has_else = self.block(i + 1, yes_end, depth + 1)?;
                    if has_else {
                        let j = yes_end - 1;
                        let skip2 = self.skip(j, end, 0)?;
                        if skip2 < 1 || self.block(j + 1, j + skip2, depth + 1)? {
                            return Err(());
                        }
                        i = j + skip2;
                    } else {
                        i = yes_end;
                    }
                }
                ASSERT | ASSERT_NOT => {
                    // <ASSERT> <skip> <back> pattern <SUCCESS>
                    let skip = self.skip(i, end, 0)?;
                    self.word(i + 1, end)?;
                    if skip < 3 {
                        return Err(());
                    }
                    if self.block(i + 2, i + skip - 1, depth + 1)? {
                        return Err(());
                    }
                    if self.word(i + skip - 1, end)? != SUCCESS {
                        return Err(());
                    }
                    i += skip;
                }
                JUMP => {
                    if i + 1 != end {
                        return Err(());
                    }
                    return Ok(true);
                }
                _ => return Err(()),
            }
        }
        Ok(false)
    }
}
