# The codec functions of _codecs: results, consumed counts, errors and error handlers.
import _codecs
import codecs
import warnings

# Unknown escapes warn; as errors they show up deterministically.
warnings.simplefilter("error", DeprecationWarning)


def show(label, f, *args, attrs=True):
    try:
        r = f(*args)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
        if attrs and isinstance(e, UnicodeError):
            print("   ", e.encoding, repr(e.object), e.start, e.end, e.reason)
    else:
        print(label, "->", repr(r))


utf8_inputs = [
    b"", b"abc", "h\u00e9llo \u20ac \U0001f600".encode(), b"ab\xe2\x82", b"\xe2\x82\xac\xf0\x9f",
    b"\xff", b"a\x80b", b"\xc0\xaf", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x98", b"\xe2\x28\xa1", b"\xc3",
]
for data in utf8_inputs:
    for final in (False, True):
        show(f"utf_8_decode {data!r} final={final}", _codecs.utf_8_decode, data, "strict", final)
    for errors in ("replace", "ignore", "backslashreplace"):
        show(f"utf_8_decode {data!r} {errors}", _codecs.utf_8_decode, data, errors, True)

for data in [b"", b"a", b"a\x00", b"\xff\xfea\x00b\x00", b"\xfe\xff\x00a\x00b", b"\x00\xd8",
             b"\x00\xd8\x00", b"a\x00\x00\xd8\x00", b"\x00\xd8a\x00", b"\x00\xdca\x00",
             b"=\xd8\x00\xde", b"\xff\xfe=\xd8\x00\xde", b"a\x00b"]:
    for name in ("utf_16_decode", "utf_16_le_decode", "utf_16_be_decode"):
        for final in (False, True):
            show(f"{name} {data!r} {final}", getattr(_codecs, name), data, None, final)
        show(f"{name} {data!r} replace", getattr(_codecs, name), data, "replace", True)
    for bo in (0, -1, 1):
        show(f"utf_16_ex_decode {data!r} {bo}", _codecs.utf_16_ex_decode, data, "strict", bo, False)

for data in [b"", b"a\x00\x00\x00", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a",
             b"\x00\xd8\x00\x00", b"\x00\x00\x11\x00", b"a\x00\x00", b"a\x00\x00\x00b"]:
    for name in ("utf_32_decode", "utf_32_le_decode", "utf_32_be_decode"):
        for final in (False, True):
            show(f"{name} {data!r} {final}", getattr(_codecs, name), data, None, final)
        show(f"{name} {data!r} ignore", getattr(_codecs, name), data, "ignore", True)
    show(f"utf_32_ex_decode {data!r}", _codecs.utf_32_ex_decode, data)

for s in ["", "abc", "h\u00e9llo", "\u20ac\U0001f600"]:
    for name in ("utf_8_encode", "utf_16_le_encode", "utf_16_be_encode",
                 "utf_32_le_encode", "utf_32_be_encode", "utf_7_encode",
                 "unicode_escape_encode", "raw_unicode_escape_encode"):
        show(f"{name} {s!r}", getattr(_codecs, name), s)
    for bo in (0, -1, 1):
        show(f"utf_16_encode {s!r} {bo}", _codecs.utf_16_encode, s, None, bo)
        show(f"utf_32_encode {s!r} {bo}", _codecs.utf_32_encode, s, None, bo)

for s in ["abc", "caf\u00e9", "\u20ac and \u00e9\u00e8 \U0001f600x"]:
    for errors in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace",
                   "namereplace", "surrogateescape", "bogus"):
        show(f"ascii_encode {s!r} {errors}", _codecs.ascii_encode, s, errors)
        show(f"latin_1_encode {s!r} {errors}", _codecs.latin_1_encode, s, errors)

for data in [b"abc", b"caf\xe9", b"\x80\x81x\xff"]:
    for errors in ("strict", "replace", "ignore", "backslashreplace", "bogus"):
        show(f"ascii_decode {data!r} {errors}", _codecs.ascii_decode, data, errors)
    show(f"latin_1_decode {data!r}", _codecs.latin_1_decode, data)

# charmap
table = "".join(chr(c) for c in range(128)) + "\u20ac\ufffe" + "".join(chr(c) for c in range(0x82, 0x100))
emap = _codecs.charmap_build(table)
print(type(emap).__name__, emap.size())
print(_codecs.charmap_build("abc"))
show("charmap_build ''", _codecs.charmap_build, "")
for s in ["abc", "x\u20acy", "\u0100z", "\x81"]:
    for errors in ("strict", "replace", "xmlcharrefreplace", "backslashreplace", "ignore"):
        show(f"charmap_encode {s!r} {errors}", _codecs.charmap_encode, s, errors, emap)
    show(f"charmap_encode dict {s!r}", _codecs.charmap_encode, s, "strict", {97: 65, 98: b"BB", 99: None, 120: 300})
for data in [b"abc", b"\x80\x81", b"\xff"]:
    for errors in ("strict", "replace", "ignore", "backslashreplace"):
        show(f"charmap_decode {data!r} {errors}", _codecs.charmap_decode, data, errors, table)
    show(f"charmap_decode dict {data!r}", _codecs.charmap_decode, data, "strict",
         {97: "A", 98: 0x20AC, 99: "xyz", 0x80: None, 0x81: 0xFFFE})
    show(f"charmap_decode None {data!r}", _codecs.charmap_decode, data)
show("charmap_decode bad", _codecs.charmap_decode, b"a", "strict", {97: 1.5})
show("charmap_decode big", _codecs.charmap_decode, b"a", "strict", {97: 0x110000})
show("charmap_encode str", _codecs.charmap_encode, "a", "strict", {97: "x"})
show("charmap_encode big", _codecs.charmap_encode, "a", "strict", {97: 256})

# escape codecs
for data in [b"abc", b"a\\nb\\tc\\\\d\\'e\\\"", b"\\x41\\101\\0\\777", b"\\x4", b"\\xzz", b"abc\\",
             b"\\\nx", b"\\q", "caf\u00e9\\n"]:
    for errors in ("strict", "replace", "ignore"):
        show(f"escape_decode {data!r} {errors}", _codecs.escape_decode, data, errors)
show("escape_encode", _codecs.escape_encode, b"a\x00\x7f\xff\\'\"\t\n\r ~")
show("escape_encode str", _codecs.escape_encode, "a")

for data in [b"abc", b"\\u20ac\\U0001F600\\x41\\101\\N{EURO SIGN}\\N{latin small letter a}",
             b"\\u20", b"\\u20zz", b"\\U00110000", b"\\N{NO SUCH NAME}", b"\\N", b"\\N{", b"\\N{}",
             b"\\Nx", b"abc\\", b"\\q\\w", b"caf\xe9", b"\\\nz", b"\\a\\b\\f\\v\\t\\r\\n"]:
    for final in (True, False):
        show(f"unicode_escape_decode {data!r} {final}", _codecs.unicode_escape_decode, data, None, final)
    show(f"unicode_escape_decode {data!r} replace", _codecs.unicode_escape_decode, data, "replace")
for data in [b"abc", b"\\u20ac\\U0001F600\\x41", b"\\\\u20ac", b"\\u20", b"\\u20zz",
             b"\\U00110000", b"abc\\", b"\\q", b"caf\xe9"]:
    for final in (True, False):
        show(f"raw_unicode_escape_decode {data!r} {final}", _codecs.raw_unicode_escape_decode, data, None, final)
    show(f"raw_unicode_escape_decode {data!r} replace", _codecs.raw_unicode_escape_decode, data, "replace")
show("unicode_escape_encode", _codecs.unicode_escape_encode, "a\\\"'\t\n\r\x00\x7f\xe9\u1234\U00012345")
show("raw_unicode_escape_encode", _codecs.raw_unicode_escape_encode, "a\\\xe9\u1234\U00012345")

# UTF-7
for s in ["Hi Mom -\u263a-!", "A\u2262\u0391.", "\u65e5\u672c\u8a9e", "1 + 1 = 2", "~\\",
          "\U0001f600", "a+b-c", "x\u00e9-y\u00e9z"]:
    b = _codecs.utf_7_encode(s)[0]
    print("utf_7", repr(s), b, _codecs.utf_7_decode(b, None, True))
for data in [b"+AGE", b"+AGE-", b"a+", b"+-", b"+A", b"+AGEA", b"+AGE\xff", b"\xff", b"+!", b"+2D3eAA-",
             b"+AGEAYQ"]:
    for final in (False, True):
        show(f"utf_7_decode {data!r} {final}", _codecs.utf_7_decode, data, None, final)
    show(f"utf_7_decode {data!r} replace", _codecs.utf_7_decode, data, "replace", True)

show("readbuffer_encode", _codecs.readbuffer_encode, b"abc")
show("readbuffer_encode str", _codecs.readbuffer_encode, "\u00e9")
show("readbuffer_encode memoryview", _codecs.readbuffer_encode, memoryview(b"xy"))

# argument errors
show("utf_8_decode str", _codecs.utf_8_decode, "x")
show("utf_8_decode errors", _codecs.utf_8_decode, b"x", 1)
show("utf_8_decode final", _codecs.utf_8_decode, b"x", None, 1.5)
show("utf_8_decode none", _codecs.utf_8_decode)
show("utf_8_decode many", _codecs.utf_8_decode, 1, 2, 3, 4)
show("utf_8_encode bytes", _codecs.utf_8_encode, b"x")
show("latin_1_encode many", _codecs.latin_1_encode, "a", "strict", 1)
show("ascii_decode bytearray", _codecs.ascii_decode, bytearray(b"ab"))
try:
    _codecs.utf_8_decode(b"x", errors=None)
except TypeError as e:
    print("kw:", e)

# the built-in error handlers called directly
ee = UnicodeEncodeError("ascii", "a\u20acb\u00e9", 1, 4, "bad")
de = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "bad")
te = UnicodeTranslateError("a\u20acb", 1, 2, "bad")
for name in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
             "namereplace", "surrogateescape", "surrogatepass"):
    h = codecs.lookup_error(name)
    print(name, h.__name__)
    for exc in (ee, de, te, ValueError("x"), "str"):
        if name == "surrogateescape" and exc is de:
            continue  # would make lone surrogates
        if name == "strict" and exc is te:
            continue
        show(f"  {name}({type(exc).__name__})", h, exc, attrs=False)
for f, args, kw in [(_codecs.register, (), {}), (_codecs.lookup_error, (), {}),
                    (_codecs.register_error, ("x",), {}), (_codecs.charmap_build, (), {}),
                    (_codecs.escape_decode, (1,), {}), (_codecs.readbuffer_encode, (1,), {}),
                    (_codecs.unicode_escape_decode, (1,), {}), (_codecs.escape_encode, ("a",), {}),
                    (_codecs.utf_16_ex_decode, (b"", None, "x"), {}), (_codecs.utf_7_encode, (b"",), {}),
                    (_codecs.decode, (b"x", "utf-8", "strict", 1), {}),
                    (_codecs.encode, ("x",), {"bogus": 1}),
                    (_codecs.charmap_encode, ("a", None, 5), {}),
                    (_codecs.charmap_decode, (b"a", None, 5), {})]:
    show(f.__name__, lambda: f(*args, **kw))
