# io.StringIO: reading, writing, positions, newline translation, subclasses.
import io

s = io.StringIO()
print(s.write('hello'), s.write(' wörld'), s.tell(), repr(s.getvalue()))
print(s.read(), s.seek(0), s.read(5), s.read(1), s.read())
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering)
print(s.encoding, s.errors, s.newlines)
s.seek(2)
s.write('LL')
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write('!')
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0)
print(s.truncate(), repr(s.getvalue()))

s = io.StringIO('line one\nline two\nlast')
print(s.tell(), s.readline(), s.readline(3), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(10))
s.seek(0)
print(list(s))
s.seek(0)
for i, line in enumerate(s):
    print(i, repr(line))
s.seek(0, 2)
print(s.tell(), repr(s.read()))
s.seek(0)
s.seek(0, 1)
print(s.tell())
print(s.read(None), repr(s.read(-1)))

for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    print(repr(nl), repr(s.getvalue()), s.newlines)

s = io.StringIO(None)
print(repr(s.getvalue()))
s = io.StringIO('abc')
s.writelines(['1', '2'])
print(repr(s.getvalue()))

with io.StringIO('ctx') as s:
    print(s.read())
print(s.closed)

# print() into a StringIO.
buf = io.StringIO()
print('a', 'b', sep='-', file=buf)
print(1, 2, 3, file=buf, end='')
print(repr(buf.getvalue()))

# Subclasses.
class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
u.write('shout ')
print('quiet', file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO), isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))

class WithInit(io.StringIO):
    def __init__(self, prefix):
        super().__init__(prefix + ':')
        self.extra = 1
        self.seek(0, 2)

w = WithInit('p')
w.write('q')
print(repr(w.getvalue()), w.extra, type(w).__name__)

class Lines(io.StringIO):
    def readline(self, size=-1):
        return super().readline(size).strip() + '|' if not self.closed and self.tell() < len(self.getvalue()) else ''

print(list(Lines('a\nb\n')))

print(issubclass(io.StringIO, io.TextIOBase), io.StringIO.__mro__[1:])
print(io.StringIO.__module__, io.StringIO.__name__, io.StringIO.__qualname__)

# State for copy and pickle.
import copy

s = io.StringIO('ab\ncd', newline=None)
s.read(2)
s.x = 1
print(s.__getstate__())
s2 = copy.copy(s)
print(repr(s2.getvalue()), s2.tell(), s2.x)
b = io.BytesIO(b'xyz')
b.read(1)
print(b.__getstate__())
b2 = copy.deepcopy(b)
print(b2.getvalue(), b2.tell())
for obj, state in [(io.StringIO(), (1,)), (io.BytesIO(), (1,)), (io.StringIO(), ('a', None, -1, None))]:
    try:
        obj.__setstate__(state)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s3 = io.StringIO()
s3.__setstate__(('a\r\nb', '', 1, None))
print(repr(s3.read()), repr(s3.newlines))
