# Binary files: FileIO (buffering=0), BufferedReader/Writer/Random, raw streams written in
# Python under the buffered classes, readinto, peek, read1, seek/tell/truncate.
import io
import posix

d = '/tmp/rpy-io-test-%d' % posix.getpid()
posix.mkdir(d)
posix.chdir(d)

data = bytes(range(256)) * 40 + b'\nline two\nthree'
with open('b.bin', 'wb') as f:
    print(repr(f), f.mode, f.name, type(f).__name__, type(f.raw).__name__)
    print(f.write(data), f.tell())
    print(f.writable(), f.readable(), f.seekable())
with open('b.bin', 'rb') as f:
    print(repr(f), f.raw, f.raw.mode, f.raw.closefd)
    print(f.read(3), f.tell(), len(f.peek()) > 0, f.read1(2), f.tell())
    print(f.read() == data[5:], f.read(), f.read(10))
    f.seek(-5, 2)
    print(f.read(), f.tell())
    f.seek(10)
    f.seek(5, 1)
    print(f.tell(), f.read(2))
    f.seek(0)
    print(len(f.readline()), f.readline(), f.readline(3), f.readline(), f.readline())
    f.seek(0)
    lines = f.readlines()
    print(len(lines), lines[-2:])
    f.seek(0)
    print(len(list(f)))
    f.seek(0)
    buf = bytearray(10)
    print(f.readinto(buf), buf)
    mv = memoryview(bytearray(4))
    print(f.readinto(mv), mv.tobytes())
    print(f.readinto1(bytearray(3)))

# Unbuffered raw files.
with open('b.bin', 'rb', buffering=0) as f:
    print(repr(f), type(f).__name__, f.mode, f.closefd)
    print(f.read(4), f.tell(), len(f.readall()), f.read(5))
    f.seek(0)
    b = bytearray(6)
    print(f.readinto(b), b)
with open('raw.bin', 'wb', buffering=0) as f:
    print(f.write(b'abc'), f.write(bytearray(b'de')), f.write(memoryview(b'fg')))
    print(f.seek(0, 1), f.truncate(4), f.tell())
with open('raw.bin', 'rb') as f:
    print(f.read())

# BufferedRandom.
with open('r.bin', 'w+b') as f:
    print(type(f).__name__)
    f.write(b'0123456789')
    f.seek(2)
    print(f.read(3))
    f.write(b'XY')
    print(f.tell())
    f.seek(0)
    print(f.read())
    f.seek(0, 2)
    f.write(b'end')
    f.seek(-6, 2)
    print(f.read(), f.tell())
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
with open('r.bin', 'r+b') as f:
    print(f.read(2))
    f.write(b'__')
    f.flush()
    f.seek(0)
    print(f.read())

# Append mode.
with open('r.bin', 'ab') as f:
    print(f.tell())
    f.write(b'+more')
with open('r.bin', 'rb') as f:
    print(f.read())

# Small buffer sizes.
with open('s.bin', 'wb', buffering=3) as f:
    for i in range(10):
        f.write(bytes([65 + i]) * 2)
with open('s.bin', 'rb', buffering=4) as f:
    print(f.read(5), f.read1(10), f.peek(1)[:1], f.read())

# A raw stream written in Python, under the buffered classes.
class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.log = []
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos, 5)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.log.append(n)
        return n

r = Raw(b'hello world\nsecond line\n')
print(r.read(3), r.read(), r.read())
r = Raw(b'hello world\nsecond line\n')
br = io.BufferedReader(r, 8)
print(br.read(7), br.readline(), br.readline(), br.readline(), r.log)
r = Raw(b'abc\ndef\n')
print(io.BufferedReader(r).readlines())
r = Raw(b'abc\ndef\n')
print(r.readall(), r.closed)
r.close()
print(r.closed)
t = io.TextIOWrapper(io.BufferedReader(Raw(b'caf\xc3\xa9\nx\n')), encoding='utf-8')
print(t.readlines())

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

s = Sink()
w = io.BufferedWriter(s, 4)
w.write(b'ab')
print(s.chunks)
w.write(b'cdef')
w.write(b'g')
w.flush()
print(s.chunks)
w.close()
print(w.closed, s.closed)

# BufferedRWPair.
p = io.BufferedRWPair(io.BytesIO(b'pair data'), io.BytesIO())
print(p.read(4), p.peek(1)[:1], p.read(), p.write(b'x'), p.readable(), p.writable())
p.close()

# Closing through the object's death flushes the buffer.
f = open('z.bin', 'wb')
f.write(b'dropped')
del f
with open('z.bin', 'rb') as f:
    print(f.read())

# fileno-based files.
fd = posix.open('z.bin', posix.O_RDONLY)
with open(fd, 'rb', closefd=False) as f:
    print(f.name == fd, f.read(3))
print(posix.read(fd, 10))
with open(fd, 'rb') as f:
    print(f.read())
try:
    posix.close(fd)
except OSError as e:
    print('OSError', e.errno)

for name in ['b.bin', 'raw.bin', 'r.bin', 's.bin', 'z.bin']:
    posix.unlink(name)
posix.chdir('/')
posix.rmdir(d)
