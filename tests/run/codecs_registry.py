# The codec registry: search functions, normalized names, the cache, error handlers, and
# str.encode/bytes.decode going through it for codecs the VM does not have built in.
import codecs
import io


def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
        if e.__cause__ is not None:
            print("    caused by", type(e.__cause__).__name__, e.__cause__)
    else:
        print(label, "->", repr(r))


# Standard codecs by many spellings.
for name in ["utf-8", "UTF8", "u8", "utf_16", "UTF-16LE", "latin-1", "ISO-8859-1", "ascii",
             "cp1252", "windows-1252", "cp437", "koi8_r", "mac-roman", "utf-8-sig", "utf-7",
             "unicode_escape", "raw-unicode-escape", "rot13", "punycode", " Utf--8 "]:
    info = codecs.lookup(name)
    print(repr(name), info.name, type(info).__name__, isinstance(info, tuple), len(info))
show("lookup unknown", codecs.lookup, "no-such-codec")
show("lookup int", codecs.lookup, 1)
show("lookup nul", codecs.lookup, "utf\x008")
print(codecs.lookup("utf-8") is codecs.lookup("UTF_8"))

# A search function sees normalized names, once per name (the result is cached).
seen = []


def search(name):
    seen.append(name)
    if name == "my_codec":
        return codecs.CodecInfo(
            name="my-codec",
            encode=lambda s, errors="strict": (s.upper().encode("ascii", errors), len(s)),
            decode=lambda b, errors="strict": (bytes(b).decode("ascii", errors).lower(), len(b)),
        )
    if name == "bad_tuple":
        return (1, 2, 3)
    if name == "not_text":
        return codecs.CodecInfo(lambda s, e="strict": (s, len(s)), lambda s, e="strict": (s, len(s)),
                                name="not-text", _is_text_encoding=False)
    if name == "returns_str":
        return codecs.CodecInfo(lambda s, e="strict": (s, len(s)), lambda b, e="strict": (b, len(b)),
                                name="returns-str")
    if name == "raises":
        def enc(s, errors="strict"):
            raise ValueError("nope")
        return codecs.CodecInfo(enc, enc, name="raises")
    if name == "raises_custom":
        class Custom(Exception):
            def __init__(self, a, b):
                super().__init__(a, b)
        def enc(s, errors="strict"):
            raise Custom(1, 2)
        return codecs.CodecInfo(enc, enc, name="raises-custom")
    if name == "bad_result":
        return codecs.CodecInfo(lambda s, e="strict": "oops", lambda b, e="strict": ("x",),
                                name="bad-result")
    return None


codecs.register(search)
for name in ["My-Codec", "my codec", "MY_CODEC", "  my--codec  "]:
    print(repr(name), codecs.lookup(name).name)
print(seen)
print("hello".encode("my-codec"), b"HeLLo".decode("My Codec"))
print(codecs.encode("abc", "my_codec"), codecs.decode(b"ABC", "my_codec"))
print(str(b"XY", "my-codec"), bytes("xy", "my-codec"))
show("bad_tuple", codecs.lookup, "bad-tuple")
show("not_text encode", "x".encode, "not-text")
show("not_text decode", b"x".decode, "not-text")
show("not_text codecs.encode", codecs.encode, "x", "not-text")
show("returns_str encode", "x".encode, "returns-str")
show("returns_str decode", b"x".decode, "returns-str")
show("raises encode", "x".encode, "raises")
show("raises codecs.decode", codecs.decode, b"x", "raises")
show("raises_custom", codecs.encode, "x", "raises-custom")
show("bad_result encode", codecs.encode, "x", "bad-result")
show("bad_result decode", codecs.decode, b"x", "bad-result")
show("unknown encode", "x".encode, "no-such-thing")
show("unknown decode", b"x".decode, "no-such-thing")
show("rot13 str.encode", "x".encode, "rot13")
print(codecs.encode("Hello", "rot13"), codecs.decode("Uryyb", "rot_13"))
show("encode kw", codecs.encode, obj="abc", encoding="latin-1", errors="strict")
show("encode bad encoding", codecs.encode, "abc", 1)
show("encode no args", codecs.encode)
show("register non-callable", codecs.register, 42)
n = len(seen)
codecs.unregister(search)
show("after unregister", codecs.lookup, "my-codec")
print(len(seen) == n)
codecs.unregister(search)  # a second time does nothing

# Codecs from Lib/encodings through str.encode / bytes.decode.
for enc in ["cp1252", "cp437", "koi8-r", "mac-roman", "cp037", "iso8859-15", "utf-8-sig",
            "utf-7", "unicode-escape", "raw-unicode-escape", "latin-1", "utf-16", "utf-32-be"]:
    s = "caf\u00e9 \u20ac"
    try:
        b = s.encode(enc)
    except UnicodeEncodeError as e:
        print(enc, "encode error:", e)
        b = s.encode(enc, "replace")
    print(enc, b, b.decode(enc))
print("x\u20acy".encode("cp1252"), b"\x80\x81".decode("cp1252", "replace"))
show("cp437 undefined", "\u20ac".encode, "cp437")
show("koi8 strict", "\u20ac".encode, "koi8_r")
print("\u20ac\u00e9x".encode("cp437", "xmlcharrefreplace"), "\u20ac".encode("koi8-r", "backslashreplace"))
print(b"\x81\x8d".decode("windows-1252", "backslashreplace"), b"\xef\xbb\xbfabc".decode("utf-8-sig"))

# Error handlers.
show("lookup_error unknown", codecs.lookup_error, "no-such-handler")
show("lookup_error int", codecs.lookup_error, 3)
print(codecs.lookup_error("strict"), codecs.lookup_error("replace").__name__)
calls = []


def handler(exc):
    calls.append((type(exc).__name__, exc.start, exc.end))
    if isinstance(exc, UnicodeEncodeError):
        return ("<%s>" % "+".join("%x" % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    return ("[%s]" % exc.object[exc.start:exc.end].hex(), exc.end)


codecs.register_error("mine", handler)
print(codecs.lookup_error("mine") is handler)
print("a\u00e9\u20acb\u00ff".encode("ascii", "mine"), "a\u20acb".encode("latin-1", "mine"))
print("a\u0100b".encode("cp1252", "mine"), "a\u0100b".encode("cp437", "mine"))
print(b"a\xff\xfeb".decode("utf-8", "mine"), b"a\x80b".decode("ascii", "mine"))
print(b"a\x81b".decode("cp1252", "mine"), b"\xff\xfe\x00\xd8a\x00".decode("utf-16", "mine"))
print(calls)
codecs.register_error("skip2", lambda e: ("", e.start + 2))
print("\u20ac\u20acab".encode("ascii", "skip2"), b"\xff\xffab".decode("ascii", "skip2"))
codecs.register_error("back", lambda e: ("?", -1))
print("ab\u20acc".encode("ascii", "back"))
codecs.register_error("bytes_rep", lambda e: (b"\xAA", e.end))
print("a\u20acb".encode("latin-1", "bytes_rep"), "a\u20acb".encode("cp437", "bytes_rep"))
codecs.register_error("bad1", lambda e: "x")
codecs.register_error("bad2", lambda e: ("x", "y"))
codecs.register_error("bad3", lambda e: ("x", 100))
codecs.register_error("bad4", lambda e: ("\u20ac", e.end))
codecs.register_error("bad5", lambda e: (b"x", e.end))
for h in ["bad1", "bad2", "bad3", "bad4", "bad5"]:
    show(f"encode {h}", "a\u20ac".encode, "ascii", h)
    show(f"decode {h}", b"a\xff".decode, "utf-8", h)
show("unknown handler", "\u20ac".encode, "ascii", "no-such-handler")
show("unknown handler decode", b"\xff".decode, "utf-8", "no-such-handler")
print("abc".encode("ascii", "no-such-handler"))
show("register_error non-callable", codecs.register_error, "x", 1)
show("register_error int name", codecs.register_error, 1, print)
show("strict error", "\u20ac".encode, "ascii")
try:
    "a\u20acb".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    b"a\xffb".decode("cp1252")
    b"a\x81b".decode("cp1252")
except UnicodeDecodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)

# Stream and incremental interfaces.
buf = io.BytesIO()
w = codecs.getwriter("utf-16")(buf)
w.write("ab\u20ac")
w.write("c")
print(buf.getvalue())
r = codecs.getreader("utf-16")(io.BytesIO(buf.getvalue()))
print(repr(r.read()))
dec = codecs.getincrementaldecoder("utf-8")()
out = [dec.decode(bytes([b])) for b in "\u20ac\U0001f600x".encode()]
print(out, repr(dec.decode(b"", final=True)))
dec = codecs.getincrementaldecoder("utf-16")()
print([dec.decode(bytes([b])) for b in "\ufeffab".encode("utf-16")], dec.getstate())
dec = codecs.getincrementaldecoder("utf-8")()
dec.decode(b"\xe2")
show("incremental final", dec.decode, b"", True)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.getstate())
print(list(codecs.iterencode(["a", "\u20ac"], "cp1252")), "".join(codecs.iterdecode([b"\xe2\x82", b"\xac"], "utf-8")))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
rw = codecs.StreamRecoder(io.BytesIO("\u20ac".encode("cp1252")), codecs.getencoder("utf-8"),
                          codecs.getdecoder("utf-8"), codecs.getreader("cp1252"),
                          codecs.getwriter("cp1252"))
print(rw.read())
