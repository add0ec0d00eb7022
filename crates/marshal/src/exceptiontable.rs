//! `co_exceptiontable`: decoding, encoding and lookup of the 3.11 zero-cost exception table.
//! Counterpart: Python/compile.c (`assemble_emit_exception_table_entry`), Python/ceval.c
//! (`get_exception_handler`) and Lib/dis.py (`_parse_exception_table`), 3.11. Layout: digest §7.

/// One handler range; every offset is in code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    /// Exclusive.
    pub end: u32,
    pub target: u32,
    /// Value-stack depth to unwind to before pushing (lasti and) the exception.
    pub depth: u32,
    /// Push the index of the raising instruction before the exception.
    pub lasti: bool,
}

/// Big-endian 6-bit groups, 0x40 = more (the 0x80 entry-start bit is ignored, as `dis` does).
fn read_varint(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *table.get(*pos)?;
    *pos += 1;
    let mut val = (b & 63) as u32;
    while b & 64 != 0 {
        b = *table.get(*pos)?;
        *pos += 1;
        val = (val << 6) | (b & 63) as u32;
    }
    Some(val)
}

/// Decodes every complete entry; a truncated final entry is dropped, as `dis` drops it.
pub fn decode(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(entry) = read_entry(table, &mut pos) {
        out.push(entry);
    }
    out
}

fn read_entry(table: &[u8], pos: &mut usize) -> Option<ExceptionTableEntry> {
    let start = read_varint(table, pos)?;
    let size = read_varint(table, pos)?;
    let target = read_varint(table, pos)?;
    let depth_lasti = read_varint(table, pos)?;
    Some(ExceptionTableEntry {
        start,
        end: start.wrapping_add(size),
        target,
        depth: depth_lasti >> 1,
        lasti: depth_lasti & 1 != 0,
    })
}

/// The handler covering code unit `index`, if any.
pub fn find_handler(table: &[u8], index: u32) -> Option<ExceptionTableEntry> {
    let mut pos = 0;
    while let Some(entry) = read_entry(table, &mut pos) {
        if index < entry.start {
            return None;
        }
        if index < entry.end {
            return Some(entry);
        }
    }
    None
}

fn write_item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Encodes entries (sorted by start, non-overlapping) as the 3.11 assembler does.
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        write_item(&mut out, e.start, 0x80);
        write_item(&mut out, e.end - e.start, 0);
        write_item(&mut out, e.target, 0);
        write_item(&mut out, (e.depth << 1) | e.lasti as u32, 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: u32, end: u32, target: u32, depth: u32, lasti: bool) -> ExceptionTableEntry {
        ExceptionTableEntry {
            start,
            end,
            target,
            depth,
            lasti,
        }
    }

    #[test]
    fn digest_examples() {
        let table = [
            0x82, 0x07, 0x0a, 0x00, 0x8a, 0x0c, 0x19, 0x03, 0x98, 0x01, 0x19, 0x03,
        ];
        let want = vec![
            e(2, 9, 10, 0, false),
            e(10, 22, 25, 1, true),
            e(24, 25, 25, 1, true),
        ];
        assert_eq!(decode(&table), want);
        assert_eq!(encode(&want), table);
        assert_eq!(
            decode(&[0x90, 0x01, 0x41, 0x09, 0x00]),
            vec![e(16, 17, 73, 0, false)]
        );
        assert_eq!(
            encode(&[e(16, 17, 73, 0, false)]),
            vec![0x90, 0x01, 0x41, 0x09, 0x00]
        );
        assert_eq!(find_handler(&table, 12), Some(want[1]));
        assert_eq!(find_handler(&table, 9), None);
        assert_eq!(find_handler(&table, 30), None);
    }

    #[test]
    fn truncated_is_dropped() {
        assert_eq!(decode(&[0x82, 0x07, 0x0a]), vec![]);
        assert_eq!(decode(&[0xc2]), vec![]);
    }
}
