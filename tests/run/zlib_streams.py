# zlib compressobj/decompressobj: flush modes, copies, max_length, unconsumed_tail,
# unused_data, eof, preset dictionaries and errors.
import copy
import zlib

data = b"".join(b"line %d: %s\n" % (i, b"abc" * (i % 7)) for i in range(400))

def roundtrip(**kw):
    c = zlib.compressobj(**kw)
    out = b"".join(c.compress(data[i:i + 333]) for i in range(0, len(data), 333)) + c.flush()
    wbits = kw.get("wbits", 15)
    return zlib.decompress(out, wbits) == data

print(roundtrip())
for level in (0, 1, 6, 9):
    for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
        assert roundtrip(level=level, strategy=strategy), (level, strategy)
for mem in (1, 5, 9):
    assert roundtrip(memLevel=mem)
for wbits in (9, 15, -9, -15, 31, 25):
    assert roundtrip(wbits=wbits), wbits
print("options ok")

# flush modes keep the stream usable; each sync flush output decodes at once
c = zlib.compressobj()
d = zlib.decompressobj()
got = b""
for i, mode in enumerate([zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH,
                          zlib.Z_FULL_FLUSH, zlib.Z_BLOCK, zlib.Z_SYNC_FLUSH]):
    chunk = b"chunk %d " % i * 20
    part = c.compress(chunk) + c.flush(mode)
    got += d.decompress(part)
    if mode in (zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH):
        print(mode, got.endswith(chunk))
print(c.flush(zlib.Z_NO_FLUSH))
tail = c.flush()
got += d.decompress(tail)
print(d.eof, got.count(b"chunk"), d.unused_data, d.unconsumed_tail)
print(d.flush())

# a finished compressor
def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r if not isinstance(r, bytes) or len(r) < 40 else len(r))

err(c.compress, b"more")
err(c.flush)
err(c.copy)

# copies of a compressor diverge independently
c = zlib.compressobj(9)
head = c.compress(data[:1000])
c2 = c.copy()
c3 = copy.copy(c)
c4 = copy.deepcopy(c)
a = head + c.compress(b"AAA") + c.flush()
b = head + c2.compress(b"BBB") + c2.flush()
print(zlib.decompress(a)[-3:], zlib.decompress(b)[-3:], zlib.decompress(a)[:1000] == data[:1000])
print(zlib.decompress(head + c3.flush())[-5:], zlib.decompress(head + c4.flush())[-5:])

# max_length and unconsumed_tail
comp = zlib.compress(data)
d = zlib.decompressobj()
pieces = []
buf = comp
while not d.eof:
    chunk = d.decompress(buf, 1000)
    assert len(chunk) <= 1000
    pieces.append(chunk)
    buf = d.unconsumed_tail
print(len(pieces), b"".join(pieces) == data, d.unconsumed_tail, d.unused_data)

d = zlib.decompressobj()
first = d.decompress(comp, 10)
print(first, len(d.unconsumed_tail) > 0)
rest = d.flush()
print(first + rest == data, d.eof, d.unconsumed_tail)
print(d.flush(), d.eof)
err(d.decompress, b"")
err(d.copy)
err(d.decompress, b"x")

# unused_data accumulates everything after the end of the stream
d = zlib.decompressobj()
print(d.decompress(comp + b"extra") == data, d.unused_data, d.eof)
print(d.decompress(b"more"), d.unused_data)
d = zlib.decompressobj()
out = b""
for i in range(0, len(comp) + 6, 7):
    out += d.decompress((comp + b"tail!!")[i:i + 7])
print(out == data, d.unused_data, d.eof)

# copies of a decompressor
d = zlib.decompressobj()
x = d.decompress(comp[:50])
d2 = d.copy()
d3 = copy.deepcopy(d)
print(x + d.decompress(comp[50:]) == data, x + d2.decompress(comp[50:]) == data,
      x + d3.decompress(comp[50:] + b"zz") == data, d3.unused_data, d2.eof, d.eof)

# preset dictionaries
zd = b"line : abcabcabc\n" * 3
c = zlib.compressobj(zdict=zd)
comp_d = c.compress(data) + c.flush()
print(zlib.decompressobj(zdict=zd).decompress(comp_d) == data)
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(comp_d) == data)
err(zlib.decompress, comp_d)
err(zlib.decompressobj().decompress, comp_d)
err(zlib.decompressobj(zdict=b"wrong dictionary").decompress, comp_d)
c = zlib.compressobj(wbits=-15, zdict=zd)
raw = c.compress(data) + c.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(raw) == data)
d = zlib.decompressobj(zdict=zd)
x = d.decompress(comp_d[:3])
print(x + d.copy().decompress(comp_d[3:]) == data)

# gzip framing through the objects, and auto-detection
c = zlib.compressobj(wbits=31)
gz = c.compress(data) + c.flush()
print(gz[:2], zlib.decompressobj(47).decompress(gz) == data, zlib.decompressobj(31).decompress(gz) == data)

# errors
err(zlib.compressobj, 1, 2)
err(zlib.compressobj, 10)
err(zlib.compressobj, wbits=7)
err(zlib.compressobj, wbits=16)
err(zlib.compressobj, memLevel=10)
err(zlib.compressobj, memLevel=0)
err(zlib.compressobj, strategy=9)
err(zlib.compressobj, method=3)
err(zlib.compressobj, zdict="s")
err(zlib.compressobj, 1, 2, 3, 4, 5, 6, 7)
err(zlib.compressobj, level=1.5)
err(zlib.compressobj, lvl=1)
err(zlib.decompressobj, zdict="s")
err(zlib.decompressobj, 99)
err(zlib.decompressobj, -7)
err(zlib.decompressobj, 1, 2, 3)
err(zlib.decompressobj, wbit=1)
c = zlib.compressobj()
d = zlib.decompressobj()
err(c.compress)
err(c.compress, data=b"")
err(c.compress, b"", 1)
err(c.compress, "str")
err(c.flush, mode=4)
err(c.flush, 1, 2)
err(c.flush, "x")
err(c.copy, 1)
err(c.__deepcopy__)
err(d.decompress)
err(d.decompress, b"", 1, 2)
err(d.decompress, b"", max_len=2)
err(d.decompress, b"", -1)
err(d.decompress, b"", max_length=1.0)
err(d.decompress, "str")
err(d.flush, 0)
err(d.flush, -5)
err(d.flush, length=3)
err(d.flush, 1, 2)
err(d.copy, 1)
err(d.decompress, b"xyzw")
err(setattr, d, "eof", 1)
err(setattr, d, "unused_data", b"")
err(setattr, d, "unconsumed_tail", b"")
err(type(c))
err(type(d))
print(type(c), type(d), type(c).__module__, type(c).__name__)
print(sorted(n for n in dir(c) if not n.startswith("__")))
print(sorted(n for n in dir(d) if not n.startswith("__")))

# flush on a truncated stream returns what it can, without an error
d = zlib.decompressobj()
x = d.decompress(comp[: len(comp) // 2])
y = d.flush()
print(data.startswith(x + y), d.eof)
