//! `co_linetable`, the PEP 657 location table: decoding to `co_positions()` / `co_lines()`,
//! and encoding exactly as the 3.11 assembler writes it.
//! Counterpart: Objects/codeobject.c (`advance`, `advance_with_locations`) and
//! Python/compile.c (`write_location_info_entry`), 3.11. Layout: digest §6.

/// Location-entry codes (bits 6..3 of an entry's first byte).
pub mod codes {
    pub const ONE_LINE0: u8 = 10;
    pub const ONE_LINE1: u8 = 11;
    pub const ONE_LINE2: u8 = 12;
    pub const NO_COLUMNS: u8 = 13;
    pub const LONG: u8 = 14;
    pub const NONE: u8 = 15;
}

/// One element of `co_positions()`: `(line, end_line, col, end_col)`, `None` where absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

/// One element of `co_lines()`: byte offsets `start..end` and the line (`None`: no line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRange {
    pub start: u32,
    pub end: u32,
    pub line: Option<i32>,
}

fn none_if_negative(v: i32) -> Option<i32> {
    (v >= 0).then_some(v)
}

/// A cursor over the table that never reads past its end (a malformed table just ends).
struct Reader<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.table.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// Little-endian 6-bit groups, 0x40 = more.
    fn varint(&mut self) -> u32 {
        let mut read = self.byte();
        let mut val = (read & 63) as u32;
        let mut shift = 0u32;
        while read & 64 != 0 && self.pos < self.table.len() {
            read = self.byte();
            shift += 6;
            val |= ((read & 63) as u32).checked_shl(shift).unwrap_or(0);
        }
        val
    }

    fn svarint(&mut self) -> i32 {
        let u = self.varint();
        if u & 1 != 0 {
            -((u >> 1) as i32)
        } else {
            (u >> 1) as i32
        }
    }

    /// Skips to the next byte with the entry-start bit.
    fn skip_to_entry(&mut self) {
        while self.pos < self.table.len() && self.table[self.pos] & 0x80 == 0 {
            self.pos += 1;
        }
    }
}

/// Decodes the table into one position per code unit, as `co_positions()` yields them.
pub fn decode_positions(table: &[u8], firstlineno: i32) -> Vec<Position> {
    let mut out = Vec::with_capacity(table.len());
    let mut r = Reader { table, pos: 0 };
    let mut line = firstlineno;
    while r.pos < table.len() {
        let first = r.byte();
        let code = (first >> 3) & 15;
        let units = (first & 7) as usize + 1;
        let pos = match code {
            codes::NONE => Position::default(),
            codes::LONG => {
                line = line.wrapping_add(r.svarint());
                let end_line = line.wrapping_add(r.varint() as i32);
                let col = r.varint() as i32 - 1;
                let end_col = r.varint() as i32 - 1;
                Position {
                    line: none_if_negative(line),
                    end_line: none_if_negative(end_line),
                    col: none_if_negative(col),
                    end_col: none_if_negative(end_col),
                }
            }
            codes::NO_COLUMNS => {
                line = line.wrapping_add(r.svarint());
                let l = none_if_negative(line);
                Position {
                    line: l,
                    end_line: l,
                    col: None,
                    end_col: None,
                }
            }
            codes::ONE_LINE0..=codes::ONE_LINE2 => {
                line = line.wrapping_add((code - codes::ONE_LINE0) as i32);
                let l = none_if_negative(line);
                let col = r.byte() as i32;
                let end_col = r.byte() as i32;
                Position {
                    line: l,
                    end_line: l,
                    col: Some(col),
                    end_col: Some(end_col),
                }
            }
            _ => {
                let second = r.byte() as i32;
                let col = ((code as i32) << 3) | (second >> 4);
                let l = none_if_negative(line);
                Position {
                    line: l,
                    end_line: l,
                    col: Some(col),
                    end_col: Some(col + (second & 15)),
                }
            }
        };
        out.extend(std::iter::repeat_n(pos, units));
        r.skip_to_entry();
    }
    out
}

/// Decodes the table into `co_lines()` ranges: one per entry, offsets in bytes.
pub fn decode_lines(table: &[u8], firstlineno: i32) -> Vec<LineRange> {
    let mut out = Vec::new();
    let mut r = Reader { table, pos: 0 };
    let mut line = firstlineno;
    let mut end = 0u32;
    while r.pos < table.len() {
        let first = r.byte();
        let code = (first >> 3) & 15;
        let units = (first & 7) as u32 + 1;
        line = line.wrapping_add(match code {
            codes::NO_COLUMNS | codes::LONG => r.svarint(),
            codes::ONE_LINE0..=codes::ONE_LINE2 => (code - codes::ONE_LINE0) as i32,
            _ => 0,
        });
        let start = end;
        end += units * 2;
        let entry_line = if code == codes::NONE {
            None
        } else {
            Some(line)
        };
        out.push(LineRange {
            start,
            end,
            line: entry_line,
        });
        r.skip_to_entry();
    }
    out
}

/// `dis.findlinestarts`: `(byte offset, line)` where a new line begins.
pub fn line_starts(table: &[u8], firstlineno: i32) -> Vec<(u32, i32)> {
    let mut last = None;
    let mut out = Vec::new();
    for range in decode_lines(table, firstlineno) {
        if let Some(line) = range.line
            && Some(line) != last
        {
            last = Some(line);
            out.push((range.start, line));
        }
    }
    out
}

/// A source location as the compiler tracks it; `-1` means "absent", as in CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Location {
    /// No location at all (entry code 15).
    pub const NONE: Location = Location {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
    };
}

/// Builds a location table the way the 3.11 assembler does: one entry per instruction,
/// split into pieces of at most 8 code units.
#[derive(Debug)]
pub struct LineTableWriter {
    out: Vec<u8>,
    line: i32,
}

impl LineTableWriter {
    pub fn new(firstlineno: i32) -> LineTableWriter {
        LineTableWriter::with_capacity(firstlineno, 0)
    }

    /// A writer whose table has room for `bytes` bytes before it grows.
    pub fn with_capacity(firstlineno: i32, bytes: usize) -> LineTableWriter {
        LineTableWriter {
            out: Vec::with_capacity(bytes),
            line: firstlineno,
        }
    }

    /// Records `units` code units (an instruction with its prefixes and caches) at `loc`.
    pub fn push(&mut self, mut units: u32, loc: Location) {
        while units > 8 {
            self.entry(8, loc);
            units -= 8;
        }
        if units > 0 {
            self.entry(units, loc);
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    fn first_byte(&mut self, code: u8, units: u32) {
        self.out.push(0x80 | (code << 3) | (units - 1) as u8);
    }

    fn varint(&mut self, mut v: u32) {
        while v >= 64 {
            self.out.push(0x40 | (v & 63) as u8);
            v >>= 6;
        }
        self.out.push(v as u8);
    }

    fn svarint(&mut self, v: i32) {
        let u = if v < 0 {
            ((v.unsigned_abs()) << 1) | 1
        } else {
            (v as u32) << 1
        };
        self.varint(u);
    }

    fn entry(&mut self, units: u32, loc: Location) {
        if loc.line < 0 {
            self.first_byte(codes::NONE, units);
            return;
        }
        let delta = loc.line - self.line;
        let (col, end_col) = (loc.col, loc.end_col);
        if col < 0 || end_col < 0 {
            if loc.end_line == loc.line || loc.end_line == -1 {
                self.first_byte(codes::NO_COLUMNS, units);
                self.svarint(delta);
                self.line = loc.line;
                return;
            }
        } else if loc.end_line == loc.line {
            if delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                self.first_byte((col >> 3) as u8, units);
                self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                self.first_byte(codes::ONE_LINE0 + delta as u8, units);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.line = loc.line;
                return;
            }
        }
        self.first_byte(codes::LONG, units);
        self.svarint(delta);
        // A negative span wraps, exactly as CPython writes it (its varint takes an unsigned int).
        self.varint(loc.end_line.wrapping_sub(loc.line) as u32);
        self.varint((col + 1) as u32);
        self.varint((end_col + 1) as u32);
        self.line = loc.line;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: i32, end_line: i32, col: i32, end_col: i32) -> Position {
        Position {
            line: Some(line),
            end_line: Some(end_line),
            col: Some(col),
            end_col: Some(end_col),
        }
    }

    #[test]
    fn digest_example_add() {
        // def add(a, b):\n    return a + b
        let table = [
            0x80, 0x00, 0xd8, 0x0b, 0x0c, 0x88, 0x71, 0x89, 0x35, 0x80, 0x4c,
        ];
        let got = decode_positions(&table, 1);
        assert_eq!(
            got,
            vec![
                p(1, 1, 0, 0),
                p(2, 2, 11, 12),
                p(2, 2, 15, 16),
                p(2, 2, 11, 16),
                p(2, 2, 11, 16),
                p(2, 2, 4, 16)
            ]
        );
        let lines = decode_lines(&table, 1);
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines[3],
            LineRange {
                start: 6,
                end: 10,
                line: Some(2)
            }
        );
        assert_eq!(line_starts(&table, 1), vec![(0, 1), (2, 2)]);
    }

    #[test]
    fn module_start_and_long_forms() {
        let got = decode_positions(&[0xf0, 0x03, 0x01, 0x01, 0x01], 1);
        assert_eq!(got, vec![p(0, 1, 0, 0)]);
        let got = decode_positions(&[0xf1, 0x00, 0x48, 0x03, 0x01, 0x0a], 5);
        assert_eq!(got, vec![p(5, 205, 0, 9); 2]);
        assert_eq!(decode_positions(&[0xf8], 1), vec![Position::default()]);
    }

    #[test]
    fn writer_matches_cpython_choices() {
        let mut w = LineTableWriter::new(1);
        w.push(
            1,
            Location {
                line: 1,
                end_line: 1,
                col: 0,
                end_col: 0,
            },
        );
        w.push(
            1,
            Location {
                line: 2,
                end_line: 2,
                col: 11,
                end_col: 12,
            },
        );
        w.push(
            1,
            Location {
                line: 2,
                end_line: 2,
                col: 15,
                end_col: 16,
            },
        );
        w.push(
            2,
            Location {
                line: 2,
                end_line: 2,
                col: 11,
                end_col: 16,
            },
        );
        w.push(
            1,
            Location {
                line: 2,
                end_line: 2,
                col: 4,
                end_col: 16,
            },
        );
        assert_eq!(
            w.finish(),
            vec![
                0x80, 0x00, 0xd8, 0x0b, 0x0c, 0x88, 0x71, 0x89, 0x35, 0x80, 0x4c
            ]
        );

        let mut w = LineTableWriter::new(1);
        w.push(
            1,
            Location {
                line: 0,
                end_line: 1,
                col: 0,
                end_col: 0,
            },
        );
        w.push(11, Location::NONE);
        assert_eq!(w.finish(), vec![0xf0, 0x03, 0x01, 0x01, 0x01, 0xff, 0xfa]);
    }

    #[test]
    fn garbage_does_not_panic() {
        for table in [
            &[0xf0u8][..],
            &[0xf0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            &[0x7f, 0x00],
        ] {
            let _ = decode_positions(table, 1);
            let _ = decode_lines(table, 1);
        }
    }
}
