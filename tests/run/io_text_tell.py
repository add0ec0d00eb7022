# TextIOWrapper.tell() cookies (CPython's packing of decoder flags, bytes to feed and
# characters to skip) around '\r\n' split by the newline decoder, chunk boundaries and
# UTF-16 BOMs; seek() restores each of them.
import posix

d = '/tmp/rpy-io-test-%d' % posix.getpid()
posix.mkdir(d)
posix.chdir(d)
with open('crlf.txt', 'wb') as f:
    f.write(b'ab\r\ncd\r\n\r\nef\rgh\r' + b'x' * 8180 + b'\r\nzz\r\n')
for nl in [None, '']:
    with open('crlf.txt', newline=nl) as f:
        out = []
        while True:
            p = f.tell()
            l = f.readline()
            if not l:
                break
            out.append((p, len(l), l[-2:]))
        print(out)
        for p, n, e in out:
            f.seek(p)
            assert len(f.readline()) == n
    with open('crlf.txt', newline=nl) as f:
        r = []
        for i in range(12):
            r.append((f.tell(), f.read(1)))
        print(r)
    with open('crlf.txt', newline=nl) as f:
        f.read(8190)
        r = []
        for i in range(6):
            r.append((f.tell(), f.read(1)))
        print(r)
        for p, c in r:
            f.seek(p); assert f.read(1) == c, (p, c)
with open('u16.txt', 'w', encoding='utf-16') as f:
    f.write('ab\ncd\n')
    print(f.tell())
with open('u16.txt', encoding='utf-16') as f:
    print(f.tell(), f.readline(), f.tell(), f.read(1), f.tell())
with open('u16.txt', 'a', encoding='utf-16') as f:
    f.write('more\n')
with open('u16.txt', 'rb') as f:
    print(f.read())
with open('rp.txt', 'w') as f:
    f.write('line1\nline2\n')
with open('rp.txt', 'r+') as f:
    print(f.readline(), f.tell())
    f.write('X')
    f.seek(0)
    print(repr(f.read()))
with open('rp.txt', 'a+') as f:
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.read()))
    f.write('tail')
    f.seek(0)
    print(repr(f.read()))

with open('mb.txt', 'w', encoding='utf-8') as f:
    f.write('\u20ac' * 3000 + '\r\n' + 'z' * 10)
with open('mb.txt', encoding='utf-8') as f:
    f.read(2730)
    marks = [(f.tell(), f.read(1)) for i in range(5)]
    print(marks)
    f.seek(marks[2][0])
    print(repr(f.read(3)))
    f.read(260)
    print(f.tell(), repr(f.read(2)), f.tell())
for name in ['crlf.txt', 'u16.txt', 'rp.txt', 'mb.txt']:
    posix.unlink(name)
posix.chdir('/')
posix.rmdir(d)
