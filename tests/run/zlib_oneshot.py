# zlib one-shot functions: round trips in every framing, checksums, constants and errors.
import zlib

data = b"The quick brown fox jumps over the lazy dog. " * 50 + bytes(range(256))

for level in range(-1, 10):
    c = zlib.compress(data, level)
    assert zlib.decompress(c) == data, level
print("levels ok")

for wbits in (9, 10, 12, 15, -9, -12, -15, 25, 31):
    c = zlib.compress(data, wbits=wbits)
    out = zlib.decompress(c, wbits)
    print(wbits, out == data, c[:1] == b"\x1f" if wbits > 16 else None)

# auto-detection of zlib and gzip headers
print(zlib.decompress(zlib.compress(data), 47) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 32 + 15) == data)
# a smaller window than the one used to compress is refused
try:
    zlib.decompress(zlib.compress(data * 20), 9)
except zlib.error as e:
    print("error:", e)

# bufsize only sizes the first buffer
for bs in (0, 1, 7, 100000):
    print("bufsize", bs, zlib.decompress(zlib.compress(data), bufsize=bs) == data)
print(zlib.decompress(zlib.compress(b"")))
print(zlib.decompress(zlib.compress(bytearray(b"abc"))))
print(zlib.decompress(memoryview(zlib.compress(b"xyz"))))
print(zlib.compress(data, level=9, wbits=-15) and "kw ok")

# trailing garbage after the stream is ignored by the one-shot function
print(zlib.decompress(zlib.compress(b"abc") + b"garbage"))

# known compressed streams (as CPython's zlib writes them)
print(zlib.decompress(b"x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15"))
print(zlib.decompress(b"\xcbH\xcd\xc9\xc9\x07\x00", -15))
print(zlib.decompress(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\xcbH\xcd\xc9\xc9\x07\x00\x86\xa6\x106\x05\x00\x00\x00", 31))

# checksums
for d in (b"", b"a", b"hello world", data):
    print(zlib.crc32(d), zlib.adler32(d), zlib.crc32(d, 12345), zlib.adler32(d, 12345))
print(zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**40 + 5), zlib.adler32(b"abc", 2**32 + 1))
print(zlib.crc32(memoryview(b"abc")), zlib.adler32(bytearray(b"abc")))
c = 0
for i in range(0, len(data), 100):
    c = zlib.crc32(data[i:i + 100], c)
print(c == zlib.crc32(data))

for name in ["MAX_WBITS", "DEFLATED", "DEF_MEM_LEVEL", "DEF_BUF_SIZE", "Z_NO_COMPRESSION",
             "Z_BEST_SPEED", "Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "Z_FILTERED",
             "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED", "Z_DEFAULT_STRATEGY", "Z_NO_FLUSH",
             "Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_FINISH", "Z_BLOCK", "Z_TREES"]:
    print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION), type(zlib.ZLIB_RUNTIME_VERSION), zlib.__version__)
print(zlib.error.__mro__, zlib.error.__module__)

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error")

err(zlib.compress)
err(zlib.compress, data=b"")
err(zlib.compress, b"", 1, 2, 3)
err(zlib.compress, b"", lvl=3)
err(zlib.compress, "text")
err(zlib.compress, b"", 10)
err(zlib.compress, b"", 1, 99)
err(zlib.compress, b"", 2**40)
err(zlib.compress, b"", -2**40)
err(zlib.compress, b"", 1.5)
err(zlib.decompress, b"x")
err(zlib.decompress, b"")
err(zlib.decompress, b"abc")
err(zlib.decompress, zlib.compress(b"hello")[:-3])
err(zlib.decompress, zlib.compress(b"hello")[:-1])
err(zlib.decompress, b"x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x16")
err(zlib.decompress, b"\xff\xff\xff\xff", -15)
err(zlib.decompress, b"", bufsize=-1)
err(zlib.decompress, b"", bufsize=2**70)
err(zlib.decompress, b"", wbits=2**40)
err(zlib.decompress, b"", wbits=99)
err(zlib.decompress, zlib.compress(b"a" * 10, wbits=31), wbits=15)
err(zlib.decompress, zlib.compress(b"a" * 10), wbits=31)
err(zlib.decompress, "str")
err(zlib.crc32)
err(zlib.crc32, b"", 1, 2)
err(zlib.crc32, b"", value=1)
err(zlib.crc32, "s")
err(zlib.adler32, b"", 1.0)
err(zlib.adler32, None)
