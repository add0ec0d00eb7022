import marshal

print(marshal.version)

values = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 256, -5, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**62, 2**63 - 1,
    -2**63, 2**63, 2**64, -2**64, 2**100, -(3**200), 10**50 + 12345,
    0.0, -0.0, 1.5, 0.1, 1e300, -2.5e-300, 5e-324, float('inf'), float('-inf'),
    1j, 2 + 3j, -0.5 - 1.25j, complex(float('inf'), 1),
    '', 'a', 'hello', 'hello world!', 'caf\xe9', '\u20ac uro', '\U0001f600', 'x' * 300,
    'é' * 300, b'', b'\x00\xff', b'x' * 1000,
    (), (1,), (1, 2, (3, 4)), tuple(range(300)),
    [], [1, [2, [3]]], {}, {'a': 1, 2: 'b', (1, 2): [3]},
    set(), frozenset(), {1, 2, 3}, frozenset({'a', 'b'}), {(1, 2), (3, 4)},
    [None, True, (False, ...), {StopIteration}],
]

for v in values:
    for ver in range(5):
        data = marshal.dumps(v, ver)
        back = marshal.loads(data)
        ok = back == v and type(back) is type(v)
        if isinstance(v, float) and v == 0:
            ok = ok and str(back) == str(v)
        if not ok:
            print('MISMATCH', ver, repr(v)[:60], repr(back)[:60])
print('round trips done')

# nan survives (as a nan)
import math
for ver in range(5):
    print(ver, math.isnan(marshal.loads(marshal.dumps(float('nan'), ver))))

# Deterministic encodings (no back-references before version 3).
for v in [None, True, False, ..., StopIteration, 0, 7, -7, 2**31, -2**40, 2**100,
          1.5, -0.0, 1e100, 0.1, float('inf'), 2j, 1 + 2j, 'abc', 'caf\xe9', '\U0001f600',
          b'xyz', (1, 'a'), [1, 2], {1: 'x'}, frozenset([3]), {5}, set(), ()]:
    print(repr(v), [marshal.dumps(v, ver).hex() for ver in (0, 1, 2)])

# version 3 and 4 encodings of single immutable values
for v in [None, 1, 300, -1, 2**40, 1.5, 'abc', b'ab', (1, 2), ('x', 'y')]:
    print(repr(v), marshal.dumps(v).hex(), marshal.dumps(v, 3).hex())

# bytes-like objects are written as bytes
print(marshal.loads(marshal.dumps(bytearray(b'abc'))))
print(marshal.loads(marshal.dumps(memoryview(b'def'))))
print(marshal.dumps(bytearray(b'ab')), marshal.dumps(memoryview(b'ab'), 2))

# shared objects stay shared; recursive containers survive
x = [1, 2]
pair = marshal.loads(marshal.dumps((x, x)))
print(pair, pair[0] is pair[1])
pair2 = marshal.loads(marshal.dumps((x, x), 2))
print(pair2, pair2[0] is pair2[1])
s = 'some string'
t = marshal.loads(marshal.dumps([s, s, s]))
print(t[0] is t[1] is t[2])
l = [1.5, 1.5]
l.append(l)
back = marshal.loads(marshal.dumps(l))
print(back[:2], back[2] is back)
d = {'hello': 1}
d['self'] = d
back = marshal.loads(marshal.dumps(d))
print(back['hello'], back['self'] is back)

# loads ignores trailing data; accepts any bytes-like object
print(marshal.loads(marshal.dumps(42) + b'garbage'))
print(marshal.loads(bytearray(marshal.dumps('ba'))))
print(marshal.loads(memoryview(marshal.dumps([1]))))

# code objects
src = '''
def f(a, b=2, *args, c, **kw):
    x = [a, b, c]
    for i in args:
        x.append(i * 1.5)
    try:
        return x, kw, {'k': (1, 2)}, frozenset({"a"}), 10**30
    except ValueError as e:
        raise
result = f(1, 3, 4, 5, c=6, d=7)
'''
co = compile(src, 'marshal_test', 'exec')
for ver in range(5):
    co2 = marshal.loads(marshal.dumps(co, ver))
    print(type(co2).__name__, co2.co_filename, co2.co_names == co.co_names)
    ns = {}
    exec(co2, ns)
    print(ns['result'])
    fco = ns['f'].__code__
    print(fco.co_varnames, fco.co_argcount, fco.co_kwonlyargcount, fco.co_consts == marshal.loads(marshal.dumps(fco)).co_consts)

g = lambda q: q + 1
co3 = marshal.loads(marshal.dumps(g.__code__))
print(co3.co_name, eval(co3, {'q': 41}) if False else co3.co_argcount)
print(marshal.loads(marshal.dumps([g.__code__, g.__code__]))[1].co_name)

# dump / load with file-like objects
class Sink:
    def __init__(self):
        self.chunks = []
    def write(self, b):
        self.chunks.append(b)
        return len(b)

class Source:
    def __init__(self, data):
        self.data = data
        self.calls = 0
    def read(self, n=-1):
        return b''
    def readinto(self, buf):
        self.calls += 1
        n = min(len(buf), len(self.data))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

sink = Sink()
print(marshal.dump([1, 'two', 3.0], sink), marshal.dump({'a': (1, 2)}, sink, 2), marshal.dump(None, sink))
src = Source(b''.join(sink.chunks) + b'tail')
print(marshal.load(src), marshal.load(src), marshal.load(src), src.data, src.calls)

# dump / load with io.BytesIO: each load reads exactly one object
import io
buf = io.BytesIO()
for v in [1, 'two', [3.0, (4,)], {'five': b'6'}, None]:
    print(marshal.dump(v, buf))
buf.seek(0)
print([marshal.load(buf) for _ in range(5)], buf.read())
try:
    marshal.load(buf)
except EOFError as e:
    print('EOFError', e)
try:
    marshal.load(io.StringIO('N'))
except TypeError as e:
    print('TypeError', e)

# big ints of many digits
for v in [3**20000, -(7**7777), 2**(15 * 100), 2**(15 * 100) - 1]:
    print(marshal.loads(marshal.dumps(v)) == v, marshal.loads(marshal.dumps(v, 0)) == v, len(marshal.dumps(v)))
