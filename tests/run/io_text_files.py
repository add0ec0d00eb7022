# Text files through open(): modes, reading/writing, universal newlines, encodings,
# tell/seek cookies, iteration, context managers, reprs and attributes.
import posix

d = '/tmp/rpy-io-test-%d' % posix.getpid()
posix.mkdir(d)
posix.chdir(d)

# Writing and reading back.
with open('f.txt', 'w') as f:
    print(repr(f))
    print(f.name, f.mode, f.encoding, f.errors, f.line_buffering, f.newlines)
    print(f.readable(), f.writable(), f.seekable(), f.closed)
    print(f.write('hello\n'), f.write('wörld\n'), f.write(''))
    f.writelines(['a\n', 'b\n', 'c'])
    print(f.tell())
print(f.closed)
print(repr(f))

with open('f.txt') as f:
    print(repr(f.read()))
with open('f.txt', 'r', encoding='utf-8') as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline(1)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))

# Iteration and tell/seek.
with open('f.txt') as f:
    for line in f:
        print(repr(line))
    f.seek(0)
    print([l for l in f])
with open('f.txt') as f:
    positions = []
    while True:
        p = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((p, line))
    print(positions)
    for p, line in reversed(positions):
        f.seek(p)
        assert f.readline() == line
    f.seek(0)
    print(repr(f.read(3)), f.tell(), repr(f.read(4)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    try:
        next(iter(f)) if False else None
        f.seek(0)
        next(f)
        f.tell()
    except OSError as e:
        print('OSError', e)

# Append and exclusive-create modes.
with open('f.txt', 'a') as f:
    print(f.tell())
    f.write('\nappended')
with open('f.txt') as f:
    print(f.read().splitlines())
try:
    open('f.txt', 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
with open('g.txt', 'x') as f:
    f.write('new')
with open('g.txt', 'r+') as f:
    print(repr(f.read()))
    f.seek(0)
    f.write('N')
    f.seek(0)
    print(repr(f.read()))
with open('g.txt', 'w+') as f:
    print(repr(f.read()))
    f.write('abc\ndef\n')
    f.seek(0)
    print(f.readlines())
    print(f.truncate(2), f.tell())
with open('g.txt') as f:
    print(repr(f.read()))

# Universal newlines.
with open('nl.txt', 'wb') as f:
    f.write(b'one\r\ntwo\rthree\nfour\r\n\r\nend')
for nl in [None, '', '\n', '\r', '\r\n']:
    with open('nl.txt', newline=nl) as f:
        lines = list(f)
        print(repr(nl), lines, f.newlines)
    with open('nl.txt', newline=nl) as f:
        print(repr(f.read()))
with open('nl.txt') as f:
    print(repr(f.read(5)), f.newlines)
for nl in [None, '', '\n', '\r', '\r\n']:
    with open('w.txt', 'w', newline=nl) as f:
        f.write('a\nb\r\nc\rd\n')
    with open('w.txt', 'rb') as f:
        print(repr(nl), f.read())

# A '\r\n' split across reads.
with open('nl2.txt', 'wb') as f:
    f.write(b'x' * 8191 + b'\r\n' + b'y\r\n')
with open('nl2.txt') as f:
    lines = f.readlines()
    print(len(lines), len(lines[0]), repr(lines[0][-3:]), lines[1:])
with open('nl2.txt', newline='') as f:
    lines = f.readlines()
    print(len(lines), repr(lines[0][-3:]), lines[1:])

# Encodings.
text = 'héllo wörld €\n'
for enc in ['utf-8', 'latin-1', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'ascii', 'cp1252']:
    try:
        with open('e.txt', 'w', encoding=enc) as f:
            f.write(text)
            f.write('second line\n')
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e.start, e.end)
        continue
    with open('e.txt', 'rb') as f:
        raw = f.read()
    with open('e.txt', encoding=enc) as f:
        got = f.read()
    with open('e.txt', encoding=enc) as f:
        f.readline()
        t = f.tell()
        rest = f.read()
        f.seek(t)
        again = f.read()
    print(enc, len(raw), raw[:6], got == text + 'second line\n', rest == again, rest)
with open('e.txt', 'w', encoding='ascii', errors='replace') as f:
    f.write(text)
with open('e.txt', 'rb') as f:
    print(f.read())
with open('e.txt', 'w', encoding='latin-1') as f:
    f.write('caf\xe9\n')
with open('e.txt', encoding='utf-8', errors='replace') as f:
    print(repr(f.read()))
with open('e.txt', encoding='utf-8', errors='ignore') as f:
    print(repr(f.read()))
try:
    with open('e.txt', encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e.encoding, e.start, e.end, e.reason)

# Multi-byte characters across chunk boundaries, tell() inside them.
with open('mb.txt', 'w', encoding='utf-8') as f:
    f.write('a' * 8190 + 'éü€𝄞' * 3 + '\nlast\n')
with open('mb.txt', encoding='utf-8') as f:
    s = f.read()
    print(len(s), s[8188:8196])
with open('mb.txt', encoding='utf-8') as f:
    f.read(8189)
    marks = []
    for i in range(6):
        marks.append((f.tell(), f.read(1)))
    print(marks)
    for p, c in marks:
        f.seek(p)
        assert f.read(1) == c, (p, c)
    print(f.readline(), f.readline(), repr(f.readline()))

# reconfigure, detach, buffer, write_through.
with open('r.txt', 'w') as f:
    f.reconfigure(line_buffering=True)
    print(f.line_buffering)
    f.reconfigure(encoding='latin-1', newline='\r\n')
    print(f.encoding)
    f.write('é\n')
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__)
with open('r.txt', 'rb') as f:
    print(f.read())
f = open('r.txt')
b = f.detach()
print(type(b).__name__, b.read())
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
b.close()

# reconfigure() of the encoding only before reading.
with open('r.txt', 'w') as f:
    f.write('a\nb\n')
for how in ['none', 'line', 'all', 'iter']:
    with open('r.txt') as f:
        if how == 'line':
            f.readline()
        elif how == 'all':
            f.read()
        elif how == 'iter':
            for l in f:
                break
        try:
            f.reconfigure(encoding='latin-1')
            print(how, 'ok', f.encoding)
        except Exception as e:
            print(how, type(e).__name__, e)

# Objects close (and flush) their file when they die.
open('d.txt', 'w').write('written by a dropped file')
print(open('d.txt').read())

# print() to a file.
with open('p.txt', 'w') as f:
    print('a', 1, 2.5, sep='|', end='!\n', file=f)
    print(file=f)
with open('p.txt') as f:
    print(repr(f.read()))

# fileno and isatty.
with open('p.txt') as f:
    print(f.fileno() > 2, f.isatty())

for name in ['f.txt', 'g.txt', 'nl.txt', 'w.txt', 'nl2.txt', 'e.txt', 'mb.txt', 'r.txt', 'd.txt', 'p.txt']:
    posix.unlink(name)
posix.chdir('/')
posix.rmdir(d)
