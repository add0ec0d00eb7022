# _struct through struct: every format code, byte orders, alignment, errors.
import struct


def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


print(struct.Struct, struct.Struct.__module__, struct.error, struct.error.__module__,
      struct.error.__mro__)
print([n for n in dir(struct) if not n.startswith('_')])

# integer codes: every prefix and a spread of values, packed or the error
for pre in '@<>=!':
    for c in 'bBhHiIlLqQnN?P':
        for v in (0, 1, 127, 128, 255, 2**8, -2**8, 2**15, 2**16, -2**16, 2**31, 2**32,
                  -2**32, 2**63, 2**64, -2**64, -1):
            try:
                r = struct.pack(pre + c, v)
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            else:
                back = struct.unpack(pre + c, r)[0]
                r = (r, back)
            print(pre, c, v, r)

# floats: e, f and d in each byte order
for fmt in ('e', '<e', '>e', 'f', '<f', '>f', 'd', '<d', '>d'):
    for v in (0.0, -0.0, 1.5, 10**10, 1e10, 10**300, 1e300, 2**2000, float('inf'),
              float('-inf'), 65504.0, 65519.99, 65520.0, 5.96e-08, 2.98e-08, 2.99e-08, 1e-10,
              3.4028235e+38, 3.4028236e+38, 1.401298464324817e-45, 0.1, 1 / 3, -2.5e-7):
        try:
            r = struct.pack(fmt, v)
        except Exception as e:
            print(fmt, v, '->', type(e).__name__, e)
        else:
            print(fmt, v, r, struct.unpack(fmt, r))
nan = struct.pack('<e', float('nan'))
print(nan, struct.pack('>f', float('nan')), struct.pack('<d', float('nan')))
for raw in (b'\x01\x00', b'\x00\xfe', b'\x01\xfe', b'\xff\x7b', b'\x00\x7c', b'\x00\xfc',
            b'\x00\x04', b'\xff\x03'):
    print(raw, struct.unpack('<e', raw))

# sizes and native alignment
for fmt in ('', 'x', '@bxhxixq', '@bxhxixqe', '@bf', '@bd', '@bP', '@b?', '@bn', '@b3s', '@b0i',
            '@b0l', '<b0l', 'ci?q', '5s3p', ' i 2h ', 'i ', '=bq', '!bq', '>hhl', '<qQ', '2e',
            b'<3i', '4x'):
    attempt('calcsize ' + repr(fmt), struct.calcsize, fmt)
print(struct.unpack('@bxhxixq', bytes(range(24))))
print(struct.pack('@bxhxixq', 1, 2, 3, 4))
print(struct.pack('!x3xi', 5), struct.pack('3i', 1, 2, 3), struct.pack('0i'), struct.pack('4x'))

# strings: c, s, p
print(struct.pack('c', b'x'), struct.pack('2s3s', b'abcdef', b'x'), struct.unpack('2s3s', b'abcde'))
print(struct.pack('3p', b'abcdef'), struct.pack('1p', b'abc'), struct.pack('0p', b''),
      struct.pack('0s', b'x'), struct.unpack('0s', b''))
print(struct.pack('300p', b'a' * 300)[:3], len(struct.pack('300p', b'a' * 300)))
print(struct.unpack('3p', b'\x05ab'), struct.unpack('1p', b'\x05'), struct.unpack('c', b'\x02'))
print(struct.pack('s', bytearray(b'ab')), struct.pack('5s', b'ab'))
print(struct.unpack('<?', b'\x02'), struct.unpack('?', b'\x00'), struct.pack('?', []),
      struct.pack('?', 'x'))

# value errors
for fmt, v in [('i', 'x'), ('i', 1.0), ('f', 'x'), ('c', 'x'), ('c', b'xy'), ('c', bytearray(b'x')),
               ('c', 65), ('s', 1), ('p', 'ab'), ('s', memoryview(b'ab')), ('i', None),
               ('P', None), ('P', 1.5), ('?', 1.5), ('d', 2**2000), ('e', 10**10)]:
    attempt('pack %s %s' % (fmt, type(v).__name__), struct.pack, fmt, v)


class Index:
    def __index__(self):
        return 7


class Bad:
    def __bool__(self):
        raise ValueError('no truth')


class BadIndex:
    def __index__(self):
        raise ValueError('no index')


class BadIndex2:
    def __index__(self):
        return 'x'


class Floaty:
    def __float__(self):
        return 2.5


print(struct.pack('i', Index()), struct.pack('d', Index()), struct.pack('i', True),
      struct.pack('d', Floaty()), struct.pack('<e', Floaty()))
attempt('bool raises', struct.pack, '?', Bad())
attempt('index raises', struct.pack, 'i', BadIndex())
attempt('index non-int', struct.pack, 'i', BadIndex2())
attempt('int for d with float', struct.pack, 'i', Floaty())

# format errors
for fmt in ('z', '2', '<n', '<N', '<P', ' i 2 h', 'i2 h', 'i<', '99999999999999999999i',
            '9223372036854775807x', '9223372036854775808x', '4611686018427387904h',
            '4611686018427387903h', 'b4611686018427387903h', '9223372036854775807s',
            '9223372036854775807sb', 'i\0h', 'é', b'\xffi', 1, None):
    attempt('calcsize %r' % (fmt,), struct.calcsize, fmt)

# argument counts and module-level signatures
attempt('pack()', struct.pack)
attempt('pack i', struct.pack, 'i')
attempt('pack i 1 2', struct.pack, 'i', 1, 2)
attempt('pack kw', struct.pack, 'i', x=1)
attempt('pack_into()', struct.pack_into)
attempt('pack_into i', struct.pack_into, 'i')
attempt('pack_into i ba', struct.pack_into, 'i', bytearray(4))
attempt('pack_into i ba 0', struct.pack_into, 'i', bytearray(4), 0)
attempt('pack_into kw', struct.pack_into, 'i', x=1)
attempt('unpack i', struct.unpack, 'i')
attempt('unpack 3 args', struct.unpack, 'i', b'', 3)
attempt('unpack kw', struct.unpack, 'i', buffer=b'')
attempt('unpack str', struct.unpack, 'i', 'abcd')
attempt('unpack int', struct.unpack, 'i', 1)
attempt('unpack short', struct.unpack, 'i', b'abc')
attempt('unpack 2i short', struct.unpack, '2i', b'abc')
attempt('unpack bytearray', struct.unpack, 'i', bytearray(b'1234'))
attempt('unpack memoryview', struct.unpack, '<i', memoryview(b'1234'))
attempt('calcsize()', struct.calcsize)
attempt('calcsize 2', struct.calcsize, 'i', 'j')
attempt('calcsize kw', struct.calcsize, format='i')
attempt('iter_unpack i', struct.iter_unpack, 'i')
attempt('iter_unpack str', struct.iter_unpack, 'i', 'abcd')
attempt('iter_unpack kw', struct.iter_unpack, 'i', b'', x=1)
attempt('iter_unpack odd', struct.iter_unpack, 'i', b'abcde')
attempt('iter_unpack empty', struct.iter_unpack, '', b'abcde')

# unpack_from and pack_into offsets
data = b'abcdefgh'
for off in (0, 4, 5, 8, 10, -1, -4, -8, -9, -10):
    attempt('unpack_from %d' % off, struct.unpack_from, '<i', data, off)
attempt('unpack_from kw', struct.unpack_from, '<i', buffer=data, offset=4)
attempt('unpack_from kw2', struct.unpack_from, '<i', data, offset=2)
attempt('unpack_from 4 args', struct.unpack_from, 'i', data, 4, 5)
attempt('unpack_from fmt only', struct.unpack_from, 'i')
attempt('unpack_from none', struct.unpack_from)
attempt('unpack_from empty', struct.unpack_from, 'i', b'', -1)
attempt('unpack_from big offset', struct.unpack_from, 'i', data, 2**70)
for off in (0, 2, 4, 5, -1, -4, -8, -9, -10):
    b = bytearray(8)
    attempt('pack_into %d' % off, struct.pack_into, '<i', b, off, 0x01020304)
    print(b)
attempt('pack_into str offset', struct.pack_into, 'i', bytearray(4), 'x', 1)
attempt('pack_into float offset', struct.pack_into, 'i', bytearray(4), 1.0, 1)
attempt('pack_into huge offset', struct.pack_into, 'i', bytearray(4), 2**70, 1)
attempt('pack_into empty', struct.pack_into, 'i', bytearray(0), -1, 1)
attempt('pack_into bad value', struct.pack_into, 'i', bytearray(4), 0, 'x')
attempt('pack_into int', struct.pack_into, 'i', 5, 0, 1)
attempt('pack_into bytes', struct.pack_into, 'i', b'123456', 0, 1)
attempt('pack_into ro view', struct.pack_into, 'i', memoryview(b'1234'), 0, 1)
b = bytearray(8)
m = memoryview(b)
struct.pack_into('<i', m, 2, 0x01020304)
struct.pack_into('>h', m[4:], 2, 0x0506)
print(b)

# iter_unpack
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
attempt('next exhausted', next, it)
attempt('unpack_iterator()', lambda: type(it)())
print(list(struct.iter_unpack('>bh', b'\x01\x00\x02\xff\xff\xfe')))

# Struct objects
s = struct.Struct('<i')
print(s.format, s.size, s.pack(7), s.unpack(b'\x07\x00\x00\x00'), s.unpack_from(b'xx\x01\x00\x00\x00', 2))
print(s.__sizeof__() > 0, struct.Struct(b'i').format, struct.Struct(format='<2hq').size)
attempt('Struct()', struct.Struct)
attempt('Struct 2 args', struct.Struct, 'i', 'j')
attempt('Struct int', struct.Struct, 5)
attempt('s.pack 2', s.pack, 1, 2)
attempt('s.pack kw', s.pack, x=1)
attempt('s.pack_into', s.pack_into, bytearray(4))
attempt('s.pack_into kw', s.pack_into, x=1)
attempt('s.unpack short', s.unpack, b'12')
attempt('s.unpack none', s.unpack)
attempt('s.unpack 2', s.unpack, b'', b'')
attempt('s.unpack kw', s.unpack, buffer=b'')
attempt('s.unpack_from short', s.unpack_from, b'12')
attempt('s.unpack_from none', s.unpack_from)
attempt('s.unpack_from 3', s.unpack_from, b'1234', 0, 1)
attempt('s.unpack_from big', s.unpack_from, b'1234', offset=2**70)
attempt('s.iter_unpack none', s.iter_unpack)
attempt('s.__init__()', s.__init__)
attempt('s.__init__ 2', s.__init__, 'i', 'h')
attempt('s.__init__ int', s.__init__, 5)
s.__init__(format=b'hh')
print(s.size, s.format, s.pack(1, 2))
bare = struct.Struct.__new__(struct.Struct)
print(repr(bare.format), bare.size)
attempt('bare pack', bare.pack)
print(struct.Struct.__new__(struct.Struct, 'i', x=3).size)


class S(struct.Struct):
    def __init__(self, f):
        super().__init__(f)
        self.extra = 1


s2 = S('>h')
print(s2.pack(3), s2.extra, s2.size, type(s2).__mro__, isinstance(s2, struct.Struct))
struct._clearcache()
print(struct.pack('<h', 1), struct.calcsize('<h'))
for i in range(300):
    struct.calcsize('%dx' % i)
print(struct.calcsize('299x'))
