import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?: (?P<suffix>Jr\.))?(!)?', 'Jane Doe rest')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0))
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'), m.groupdict(default=None))
print(m.start(), m.end(), m.span(), m.start(2), m.end('first'), m.span('suffix'))
print(m.start(3), m.end(4), m.span(4))
print(m[0], m[1], m['last'], m[3])
print(m.lastindex, m.lastgroup, m.regs)
print(m.pos, m.endpos, m.string, m.re.pattern)
print(m.group(True), m.span(False))
print(type(m.group()).__name__, type(m.span()).__name__)

# lastindex / lastgroup
for pat, s in [(r'(a)(b)?', 'a'), (r'(a)(b)', 'ab'), (r'((a)b)', 'ab'), (r'(?P<x>a)(?P<y>b)?', 'a'),
               (r'(?P<x>(?P<y>a))', 'a'), (r'a', 'a'), (r'(a)|(b)', 'b'), (r'(a)|b', 'b'),
               (r'(?:(a)|b)*', 'ab'), (r'(?:(a)|(b))*', 'ab'), (r'(?:(a)|(b))*', 'ba'), (r'(a(b)?)+', 'aba')]:
    m = re.match(pat, s)
    print(pat, s, m.lastindex, m.lastgroup, m.groups(), m.regs)

# groups inside repeats keep the last iteration
print(re.match(r'(\w)+', 'abc').groups(), re.match(r'(?:(\w)(\d))+', 'a1b2c').groups())
print(re.match(r'(a|(b))+', 'ab').groups(), re.match(r'(a|(b))+', 'ba').groups())
print(re.match(r'((a)|b)+', 'ab').groups(), re.match(r'(a)*?b', 'aab').groups())
print(re.match(r'(?:(a)|b)+?c', 'abc').groups(), re.match(r'(a*)+', 'aa').groups())
print(re.match(r'(a*)*', 'aa').groups(), re.match(r'(a*?)+b', 'aab').groups())
print(re.match(r'(?:(a)|x)*', 'ax').groups(), re.match(r'(?:x(a)?)+', 'xax').groups())
print(re.match(r'(?:(a)|(b)|(c))+', 'abcb').groups())
print(re.match(r'(a)?(?(1)b|c)', 'ab').groups(), re.match(r'(a)?(?(1)b|c)', 'c').groups())
print(re.match(r'((?P<x>a)|b)+', 'ab').groupdict())
print(re.match(r'(?:(?P<n>\d)|[a-z])+', '1a2b').group('n'))
print(re.match(r'(a)(?:b(c)|bd)', 'abd').groups())
print(re.match(r'(?:(a)b|ac)', 'ac').groups())
print(re.match(r'(?:(a)(b)|a(c))', 'ac').groups())
print(re.match(r'(?>(a)b|(a)c)', 'ac').groups())
print(re.match(r'(?:(a)|b)++', 'ab').groups(), re.match(r'(?:(a)b)*+', 'abab').groups())
print(re.match(r'(a)*+a?', 'aa').groups(), re.match(r'(?:(a)|(b))*+', 'aab').groups())

# numbered and named groups mixed
p = re.compile(r'(?P<y>\d{4})-(\d\d)-(?P<d>\d\d)')
m = p.search('date: 2023-10-05.')
print(p.groups, dict(p.groupindex), m.groups(), m.groupdict(), m.span('d'), m.group('y', 2, 'd'))
print(m.expand(r'\g<d>/\2/\g<y> \1 \g<0> \\ \n|\t'), m.expand(b'x'.decode() + r'\3'))
print(re.match(r'(a)(b)?', 'a').expand(r'[\2][\1]'))
bm = re.match(rb'(?P<k>\w+)=(\w+)', b'key=val')
print(bm.expand(rb'\2:\g<k>'), bm.groupdict(), bm.group(1, 2), bm[0])

# group index errors
m = re.match(r'(a)(?P<n>b)', 'ab')
for g in [3, -1, 'x', 2.0, None, 2**80, -2**80]:
    for f in (m.group, m.start, m.end, m.span, m.__getitem__):
        try:
            print(f.__name__, g, f(g))
        except Exception as e:
            print(f.__name__, g, type(e).__name__, e)
try:
    m.group([])
except Exception as e:
    print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 2


print(m.group(Idx()), m.span(Idx()), m[Idx()])

# Match protocols
print(bool(m), m.__copy__() is m, m.__deepcopy__({}) is m)
import copy
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(repr(re.match(r'.*', 'x' * 100)))
print(repr(re.match(rb'.*', b'\x00\xff' * 40)))
print(repr(re.match(r'.*', "it's \"q\"")))
print(repr(re.search(r'$', 'abc')))


class S(str):
    pass


class B(bytes):
    pass


m = re.match(r'(a)(b)', S('abc'))
print(type(m.string).__name__, type(m.group()).__name__, type(m.group(1)).__name__, m.group())
m = re.match(rb'(a)(b)', B(b'abc'))
print(type(m.string).__name__, type(m.group()).__name__, type(m.group(1)).__name__, m.group())
m = re.match(rb'(a)(b)', bytearray(b'abc'))
print(type(m.string).__name__, type(m.group()).__name__, m.group(), m.groups())
m = re.match(rb'(a)(b)', memoryview(b'abc'))
print(type(m.string).__name__, type(m.group()).__name__, m.group(), m.groups())
s = 'abc'
print(re.match('abc', s).group() is s, re.search('b', s).string is s)

# many groups
n = 120
p = re.compile(''.join('(%d)' % (i % 10) for i in range(n)))
m = p.match(''.join(str(i % 10) for i in range(n)))
print(p.groups, m.lastindex, m.group(n), m.span(n), len(m.groups()))
p = re.compile(''.join('(?P<g%d>x)?' % i for i in range(60)) + 'y')
m = p.match('xxy')
print(m.lastgroup, m.lastindex, sorted(k for k, v in m.groupdict().items() if v))

# matches sharing one subject keep it alive through a collection
import gc
mv = memoryview(b'abcabc')
ms = list(re.finditer(rb'(a)', mv))
sc = re.compile(rb'b').scanner(mv)
gc.collect()
print(mv.tobytes(), [m.group(1) for m in ms], ms[0].string is mv, sc.search().span())
