import copy, pickle, gc, weakref
class Node:
    __slots__ = ('val', 'next', '__weakref__')
    def __init__(self, v, n=None): self.val = v; self.next = n
# deep chain: drop must not overflow
head = None
for i in range(200000):
    head = Node(i, head)
del head
# cycle through slots collected
a = Node(1); b = Node(2, a); a.next = b
r = weakref.ref(a); del a, b
gc.collect(); print(r() is None)
# copy / pickle
class P:
    __slots__ = ('x', 'y', '__dict__')
p = P(); p.x = 1; p.z = 3
q = copy.copy(p); print(q.x, q.z, hasattr(q, 'y'), p.__dict__)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]
t = pickle.loads(pickle.dumps(s)); print(t.a, hasattr(t, 'b'))
print(copy.deepcopy(s).a)
# __class__ assignment between compatible slotted classes
class S2:
    __slots__ = ('a', 'b')
s.__class__ = S2; print(type(s).__name__, s.a)
class Priv:
    __slots__ = ('__secret',)
    def __init__(self): self.__secret = 5
    def get(self): return self.__secret
print(Priv().get(), sorted(k for k in Priv.__dict__ if 'secret' in k))
print(S.a, S.__slots__)
try:
    S().a
except AttributeError as e: print(e)
import fractions, decimal, pathlib
print(fractions.Fraction(1, 3) + fractions.Fraction(1, 6), decimal.Decimal('1.5') * 2, pathlib.PurePosixPath('/a/b').name)
