"""Prints one CRC-32 per block of 4096 code points of everything rpy-text's Unicode functions
compute for each code point, as python3.11 computes it; crates/text/tests/strings_oracle.rs
builds the same text with rpy-text and compares. Surrogates are skipped (Rust strings cannot
hold them)."""

import sys
import unicodedata
import zlib

assert sys.version_info[:2] == (3, 11), "must run under python3.11"

SIGMA = "\u03a3"


def line(c):
    flags = [
        c.isspace(),
        c.isalpha(),
        c.isalnum(),
        c.isdecimal(),
        c.isdigit(),
        c.isnumeric(),
        c.isupper(),
        c.islower(),
        c.istitle(),
        c.isidentifier(),
        ("a" + c).isidentifier(),
        c.isprintable(),
    ]
    fields = [
        "".join("1" if f else "0" for f in flags),
        c.lower(),
        c.upper(),
        c.title(),
        c.casefold(),
        c.swapcase(),
        (c + "aB").capitalize(),
        ("a" + c + SIGMA).lower(),
        (" " + c + SIGMA).lower(),
        ("a" + SIGMA + c).lower(),
        (c + "aB c").title(),
        str(unicodedata.decimal(c, -1)),
        "1" if len(c.splitlines()) != 1 or c.splitlines()[0] != c else "0",
    ]
    return "|".join(fields) + "\n"


for block in range(0x110000 // 4096):
    text = "".join(
        line(chr(cp))
        for cp in range(block * 4096, (block + 1) * 4096)
        if not 0xD800 <= cp <= 0xDFFF
    )
    print(zlib.crc32(text.encode("utf-8")))
