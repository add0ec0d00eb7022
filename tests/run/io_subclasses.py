# Python subclasses of the io classes: overridden methods are used by the native ones,
# __init__ chains, finalizers close through the overridden close().
import io
import posix

d = '/tmp/rpy-io-test-%d' % posix.getpid()
posix.mkdir(d)
posix.chdir(d)

log = []


class LoggingFile(io.FileIO):
    def close(self):
        log.append(('close', self.closed))
        super().close()


f = LoggingFile('a.bin', 'w')
print(repr(f), f.mode, f.write(b'abc'))
del f
print(log)


class Wrapper(io.TextIOWrapper):
    def write(self, s):
        return super().write(s.replace('cat', 'dog'))


w = Wrapper(open('t.txt', 'wb'), encoding='utf-8')
print(w.write('a cat\n'), type(w).__name__)
print('the cat again', file=w)
w.close()
with open('t.txt') as f:
    print(repr(f.read()))


class Upper(io.BufferedReader):
    def read(self, n=-1):
        return super().read(n).upper()


with Upper(io.FileIO('t.txt')) as u:
    print(u.read(3), u.read())


class Lines(io.IOBase):
    def __init__(self, lines):
        self.lines = list(lines)

    def readable(self):
        return True

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else b''


ls = Lines([b'x\n', b'y\n'])
print(list(ls), ls.closed, ls.readable(), ls.writable(), ls.seekable())
with ls as same:
    print(same is ls)
print(ls.closed)
try:
    iter(ls)
except ValueError as e:
    print('ValueError', e)


class Counter(io.RawIOBase):
    def __init__(self):
        self.n = 0

    def readable(self):
        return True

    def readinto(self, b):
        if self.n >= 3:
            return 0
        self.n += 1
        b[0] = 48 + self.n
        return 1


print(Counter().read(), Counter().read(5), Counter().readall())
t = io.TextIOWrapper(io.BufferedReader(Counter()), encoding='ascii')
print(repr(t.read()))


class Closing(io.StringIO):
    def close(self):
        log.append('StringIO closed')
        super().close()


def scope():
    c = Closing('x')
    c.read()


scope()
print(log)
print(isinstance(io.FileIO('a.bin'), io.RawIOBase), issubclass(io.FileIO, io.IOBase))
print(issubclass(io.BufferedReader, io.BufferedIOBase), issubclass(io.TextIOWrapper, io.TextIOBase))
print(io.IOBase.__mro__[1].__name__, io.RawIOBase.__mro__[1].__name__)

posix.unlink('a.bin')
posix.unlink('t.txt')
posix.chdir('/')
posix.rmdir(d)
