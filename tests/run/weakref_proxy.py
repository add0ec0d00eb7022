# weakref: proxies forward attributes, operators, calls and iteration; ReferenceError once dead
import _weakref
proxy = _weakref.proxy
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(o + self.v)
    def __sub__(self, o): return ('sub', o)
    def __rsub__(self, o): return ('rsub', o)
    def __mul__(self, o): return ('mul', o)
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o, m=None): return ('rpow', o, m)
    def __iadd__(self, o): self.v += o; return self
    def __divmod__(self, o): return ('divmod', o)
    def __rdivmod__(self, o): return ('rdivmod', o)
    def __neg__(self): return -self.v
    def __abs__(self): return 'abs'
    def __invert__(self): return 'inv'
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __index__(self): return 7
    def __lt__(self, o): return ('lt', o)
    def __eq__(self, o): return isinstance(o, Num) and o.v == self.v
    __hash__ = object.__hash__
    def __repr__(self): return f"Num({self.v})"
    def __str__(self): return f"str-Num({self.v})"
    def __bool__(self): return self.v != 0
    def __len__(self): return 3
    def __getitem__(self, k): return ('get', k)
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
    def __contains__(self, x): return x == 'in'
    def __iter__(self): return iter([1, 2])
    def __bytes__(self): return b'bytes!'
    def __reversed__(self): return 'rev'
    def method(self, x): return ('method', self.v, x)
n = Num(5)
p = proxy(n)
print(type(p).__name__, p.v, p.method(1), str(p), p + 1, 1 + p, p - 1, 1 - p, p * 2)
print(pow(p, 2), pow(2, p), pow(p, 2, 3), p ** 3, divmod(p, 2), divmod(2, p))
print(-p, abs(p), ~p, int(p), float(p), [0]*10 and list(range(10))[p], p < 1, p == Num(5), p == n, p != n)
print(bool(p), len(p), p[1], 'in' in p, 'out' in p, list(p), bytes(p), reversed(p))
p[1] = 2; del p[3]
p.w = 9; print(n.w); del p.w; print(hasattr(n, 'w'))
print(p.__class__.__name__, isinstance(p, _weakref.ProxyType))
try: hash(p)
except TypeError as e: print('hash TypeError')
q = p
q += 3
print(n.v, q is n)
def f(a, b=2): return a + b
fp = proxy(f)
print(type(fp).__name__, fp(1), fp(1, b=5), fp.__name__)
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration
        return self.i
it = It(); ip = proxy(it)
print(next(ip), next(ip))
try: next(ip)
except StopIteration: print('stop')
try: next(p)
except TypeError as e: print(e)
print(proxy(n) is p, proxy(n, lambda x: None) is p)
class Plain: pass
pl = Plain(); pp = proxy(pl)
try: len(pp)
except TypeError as e: print(e)
try: pp.missing
except AttributeError as e: print(e)
del n, q
for op in [lambda: p.v, lambda: str(p), lambda: p + 1, lambda: 1 + p, lambda: bool(p), lambda: len(p), lambda: p == 1, lambda: p[0], lambda: list(p)]:
    try: op(); print('no error')
    except ReferenceError as e: print('ReferenceError:', e)
print(repr(p).startswith('<weakproxy at 0x'), repr(p).split(' to ')[1].split(' at ')[0])
print(_weakref.getweakrefcount(f), _weakref.getweakrefs(f)[0] is fp)
