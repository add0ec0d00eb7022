import marshal


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r)[:80])


# truncated and bad data
for data in [b'', b'i', b'i\x01', b'l\x02\x00\x00\x00\x01\x00', b'g\x00\x00', b'y' + b'\x00' * 9,
             b'z', b'z\x05ab', b'a\x05\x00\x00\x00ab', b'u\x03\x00\x00\x00ab', b's\x04\x00\x00\x00',
             b')', b')\x02N', b'(\x02\x00\x00\x00N', b'[\x01\x00\x00\x00', b'{N', b'<\x02\x00\x00\x00i',
             b'f', b'f\x05ab', b'x\x031.0', b'c\x00\x00', b'r\x00\x00']:
    attempt(repr(data), lambda: marshal.loads(data))

for data in [b'\x01', b'?', b'\xff', b'Q', b'r\x00\x00\x00\x00', b'r\xff\xff\xff\xff',
             b'\xe9\x01\x00\x00\x00', b'(\xe9\x05\x00\x00\x00r\x00\x00\x00\x00'[:0] + b')\x02\xe9\x05\x00\x00\x00r\x00\x00\x00\x00',
             b')\x01r\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80',
             b'l\xfe\xff\xff\xff\x01\x00\x00\x00', b'l\x00\x00\x00\x00', b'l\x00\x00\x00\x80',
             b'(\xff\xff\xff\xff', b'[\xfe\xff\xff\xff', b's\xff\xff\xff\xff', b'u\xff\xff\xff\xff',
             b'<\xff\xff\xff\xff', b'a\xff\xff\xff\xff',
             b'u\x02\x00\x00\x00\xff\xfe', b'u\x02\x00\x00\x00\xc3(', b'u\x01\x00\x00\x00\xe2',
             b'f\x03abc', b'f\x03 12', b'f\x031_0', b'f\x03inf', b'f\x04-inf', b'f\x03nan', b'f\x051e999',
             b'f\x02.5', b'f\x021.', b'x\x011\x012',
             b'{i\x01\x00\x00\x00', b'{[\x00\x00\x00\x00N0', b'{i\x01\x00\x00\x000',
             b'[\x01\x00\x00\x000', b'(\x01\x00\x00\x000', b'<\x01\x00\x00\x000', b'0',
             b'<\x02\x00\x00\x00[\x00\x00\x00\x00N', b'>\x00\x00\x00\x00',
             b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00',
             b'I\x01\x00\x00\x00\x00\x00\x00\x80', b'I\xff\xff\xff\xff\xff\xff\xff\xff',
             b'A\x03\x00\x00\x00abc', b'\xfa\x03abcr\x00\x00\x00\x00']:
    attempt(repr(data), lambda: marshal.loads(data))

# nesting limits
def nest(n):
    l = []
    for i in range(n - 1):
        l = [l]
    return l

attempt('dumps 2000', lambda: len(marshal.dumps(nest(2000))))
attempt('dumps 2001', lambda: len(marshal.dumps(nest(2001))))
attempt('loads 2000', lambda: type(marshal.loads(b'[\x01\x00\x00\x00' * 1999 + b'N')))
attempt('loads 2001', lambda: type(marshal.loads(b'[\x01\x00\x00\x00' * 2000 + b'N')))
r = []
r.append(r)
attempt('recursive v2', lambda: marshal.dumps(r, 2))
attempt('recursive v3', lambda: (lambda b: b[0] is b)(marshal.loads(marshal.dumps(r, 3))))

# unmarshallable objects
class I(int): pass
class S(str): pass
class T(tuple): pass
class L(list): pass
class B(bytes): pass
for v in [object(), [1, object()], {1: object}, I(3), S('x'), T((1,)), L([1]), print, int, {1: [2, {3: len}]},
          range(3), slice(1), NotImplemented, B(b'sub')]:
    attempt('dumps ' + type(v).__name__, lambda: marshal.dumps(v))

# argument errors
attempt('dumps()', lambda: marshal.dumps())
attempt('dumps(1,2,3)', lambda: marshal.dumps(1, 2, 3))
attempt('dumps kw', lambda: marshal.dumps(1, version=2))
attempt('dumps version str', lambda: marshal.dumps(1, 'x'))
attempt('dumps version float', lambda: marshal.dumps(1, 2.0))
attempt('dumps version big', lambda: marshal.dumps(1, 2**40))
attempt('dumps version neg big', lambda: marshal.dumps(1, -2**40))
attempt('dumps version -1', lambda: marshal.dumps(1.5, -1))
attempt('dumps version 99', lambda: marshal.dumps((1, 'a'), 99))
attempt('dumps version True', lambda: marshal.dumps(1.5, True))
attempt('loads()', lambda: marshal.loads())
attempt('loads 2', lambda: marshal.loads(b'N', b'N'))
attempt('loads kw', lambda: marshal.loads(bytes=b'N'))
attempt('loads str', lambda: marshal.loads('N'))
attempt('loads int', lambda: marshal.loads(3))
attempt('load()', lambda: marshal.load())
attempt('load kw', lambda: marshal.load(file=None))
attempt('load int', lambda: marshal.load(1))
attempt('dump(1)', lambda: marshal.dump(1))
attempt('dump kw', lambda: marshal.dump(1, file=None))
attempt('dump 4', lambda: marshal.dump(1, 2, 3, 4))
attempt('dump int', lambda: marshal.dump(1, 2))
attempt('dump bad', lambda: marshal.dump(object(), 2))


class Reader:
    def __init__(self, data):
        self.data = data

    def read(self, n=-1):
        return b''

    def readinto(self, buf):
        n = min(len(buf), len(self.data))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


class TextReader(Reader):
    def read(self, n=-1):
        return ''


class Greedy(Reader):
    def readinto(self, buf):
        return len(buf) + 1


class Weird(Reader):
    def readinto(self, buf):
        return 'x'


class Huge(Reader):
    def readinto(self, buf):
        return 2**80


class NoReadinto:
    def read(self, n=-1):
        return b''


class Failing(Reader):
    def readinto(self, buf):
        raise OSError('disk on fire')


for cls, data in [(Reader, b''), (Reader, b'i\x01'), (Reader, b')'), (Reader, b'z'), (Reader, b'f'),
                  (Reader, b's\x05\x00\x00\x00ab'), (Reader, b'[\x02\x00\x00\x00N'),
                  (Reader, b'\x01'), (Reader, b')\x02NN'), (TextReader, b'N'), (Greedy, b''),
                  (Weird, b''), (Huge, b''), (NoReadinto, None), (Failing, b'')]:
    f = cls(data) if data is not None else cls()
    attempt('load %s %r' % (cls.__name__, data), lambda: marshal.load(f))
