# gzip, zipfile, tarfile (gz) and shutil.make_archive on top of zlib, in memory and in a
# temporary directory.
import gzip
import io
import os
import shutil
import tarfile
import tempfile
import zipfile
import zlib

payload = b"".join(b"%05d spam eggs ham\n" % i for i in range(500))

# gzip in memory
blob = gzip.compress(payload)
print(blob[:3], gzip.decompress(blob) == payload)
print(gzip.decompress(gzip.compress(payload, 1) + gzip.compress(b"second")) [-6:])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="x.txt") as f:
    f.write(payload[:1000])
    f.write(payload[1000:])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(20), f.readline(), len(f.read()))
buf.seek(0)
with gzip.open(buf, "rt", encoding="ascii") as f:
    lines = f.readlines()
print(len(lines), lines[-1])
try:
    gzip.decompress(blob[:-5])
except EOFError as e:
    print("EOFError", e)
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
try:
    gzip.decompress(blob[:-8] + b"\x00" * 8)
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)

# zipfile in memory, stored and deflated
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", payload)
    z.writestr("b/c.txt", b"small")
    z.writestr(zipfile.ZipInfo("stored.bin"), bytes(range(256)) * 4, compress_type=zipfile.ZIP_STORED)
    z.writestr("level9.txt", payload[:5000], compresslevel=9)
buf.seek(0)
with zipfile.ZipFile(buf) as z:
    print(z.namelist())
    for info in z.infolist():
        print(info.filename, info.file_size, info.compress_type, info.CRC == zlib.crc32(z.read(info)))
    print(z.read("a.txt") == payload, z.testzip())
    with z.open("a.txt") as f:
        print(f.read(10), f.readline(), len(f.read()))

# tarfile with gzip
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, content in [("one.txt", payload), ("two.txt", b"two")]:
        info = tarfile.TarInfo(name)
        info.size = len(content)
        info.mtime = 0
        t.addfile(info, io.BytesIO(content))
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:*") as t:
    print(t.getnames())
    print(t.extractfile("one.txt").read() == payload, t.extractfile("two.txt").read())

# shutil.make_archive and unpack_archive
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "sub"))
    with open(os.path.join(src, "f.txt"), "wb") as f:
        f.write(payload)
    with open(os.path.join(src, "sub", "g.txt"), "wb") as f:
        f.write(b"g")
    for fmt in ("zip", "gztar"):
        name = shutil.make_archive(os.path.join(tmp, "arch"), fmt, src)
        out = os.path.join(tmp, "out_" + fmt)
        shutil.unpack_archive(name, out)
        with open(os.path.join(out, "f.txt"), "rb") as f:
            same = f.read() == payload
        with open(os.path.join(out, "sub", "g.txt"), "rb") as f:
            g = f.read()
        print(fmt, os.path.basename(name), same, g)
    gzname = os.path.join(tmp, "file.gz")
    with gzip.open(gzname, "wb") as f:
        f.write(payload)
    with gzip.open(gzname, "rb") as f:
        print(f.read() == payload)
