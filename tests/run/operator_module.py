# _operator: every function, argument errors and messages; itemgetter/attrgetter/methodcaller reprs, reduce and pickling.
import _operator as o, operator
from operator import *
print(repr(itemgetter(1)), repr(itemgetter(1, 'a')), repr(attrgetter('a.b')), repr(attrgetter('a', 'b')), repr(methodcaller('f', 1, x=2)))
print(itemgetter(1).__reduce__(), attrgetter('a.b').__reduce__(), methodcaller('f', 1, x=2).__reduce__(), methodcaller('f', 1).__reduce__())
for f in [lambda: itemgetter(), lambda: attrgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: methodcaller(1), lambda: itemgetter(1)(), lambda: itemgetter(1)(1,2), lambda: attrgetter('a')(1), lambda: operator.add(1), lambda: operator.add(1, 'a'), lambda: operator.index(1.5), lambda: operator.length_hint(1, 'a'), lambda: operator.length_hint([1,2]), lambda: operator.countOf([1,2,1], 1), lambda: operator.indexOf([1,2], 3), lambda: operator.concat(1, 2), lambda: operator.iconcat([1], 2), lambda: operator.call(len, [1]), lambda: itemgetter(1)(kw=1), lambda: methodcaller('upper')('a'), lambda: attrgetter('__class__.__name__')(1), lambda: operator.is_(None, None), lambda: operator.truth([]), lambda: operator.not_(1), lambda: operator.pow(2, 3), lambda: operator.ipow(2, 3), lambda: operator.contains([1], 1), lambda: operator.getitem({}, 1), lambda: operator.delitem([1], 5), lambda: operator.setitem([], 0, 1), lambda: operator.inv(5), lambda: operator.abs(-1), lambda: operator.neg(1), lambda: operator.pos(1),
  lambda: o._compare_digest('a', b'a'), lambda: o._compare_digest('a', 'a'), lambda: o._compare_digest('\xe9', '\xe9'), lambda: o._compare_digest(1, 2), lambda: o._compare_digest(b'ab', bytearray(b'ab')), lambda: o._compare_digest(b'ab', b'a'), lambda: o._compare_digest(memoryview(b'x'), b'x'), lambda: o._compare_digest('a'), lambda: o._compare_digest(b'a', 1), lambda: o.call(), lambda: o.length_hint(), lambda: o.length_hint(iter([1,2,3])), lambda: o.length_hint(5), lambda: o.length_hint(5, 7), lambda: o.length_hint(x=1), lambda: o.itemgetter(1, 2)([1,2,3]), lambda: o.attrgetter('real', 'imag')(1j), lambda: o.attrgetter('a..b'), lambda: o.methodcaller('f', 1, 2, x=1), lambda: o.attrgetter('a.b')(1), lambda: o.truth(), lambda: o.not_(1,2), lambda: o.abs(), lambda: o.indexOf([1, 2], 2), lambda: o.countOf(1, 1), lambda: o.is_(1), lambda: o.contains(1, 1),
  lambda: o.concat([1], (2,)), lambda: o.concat('a', 'b'), lambda: o.iconcat([1], (2,)), lambda: o.add(a=1), lambda: o.itemgetter(1)((5, 6)), lambda: o.itemgetter(-1)([5, 6]), lambda: o.itemgetter(slice(1, None))('abc'), lambda: o.itemgetter('k')({'k': 3}), lambda: o.itemgetter(5)([1]), lambda: o.matmul(1, 2), lambda: o.imatmul(1, 2), lambda: o.ixor(5, 3), lambda: o.invert(True), lambda: o.neg('a'), lambda: o.abs('a')]:
  try: print(repr(f()))
  except BaseException as e: print(type(e).__name__, e)
print(itemgetter(1) == itemgetter(1))
print(type(itemgetter(1)).__module__, type(itemgetter(1)).__name__, type(itemgetter(1)).__qualname__)
import pickle, copy
ig = o.itemgetter(1); print(pickle.loads(pickle.dumps(ig))([5,6]), copy.copy(ig), copy.deepcopy(o.attrgetter('x.y')))
mc = o.methodcaller('split', ',', maxsplit=1); print(pickle.loads(pickle.dumps(mc))('a,b,c'))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
print(operator.__add__(1, 2), operator.__lt__(1, 2), operator.__not__(0))
