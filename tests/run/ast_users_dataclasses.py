# Modules that import ast: dataclasses (defaults, field(), order, frozen), inspect.signature of Python functions, pprint
import dataclasses
import inspect
import pprint
from dataclasses import dataclass, field

@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False, repr=False)

@dataclass(frozen=True)
class F:
    a: str = 'q'
    b: tuple = (1, 2)

p = P(1, 2)
print(p, P(1) < P(2), P(2, 1) > P(1, 5), p == P(1, 2, ['z']), sorted([P(3), P(1, 9), P(1, 2)]))
print(dataclasses.asdict(p), dataclasses.astuple(F()), [f.name for f in dataclasses.fields(P)])
print(dataclasses.is_dataclass(p), dataclasses.is_dataclass(int), P.__match_args__)
f = F()
try:
    f.a = 'r'
except dataclasses.FrozenInstanceError as e:
    print('frozen:', e)
print(hash(F()) == hash(F('q', (1, 2))), dataclasses.replace(f, a='z'), F.__dataclass_params__.frozen)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print(e)

def fn(a, b: int = 2, /, *args, c, d='x', **kw) -> str:
    return ''
sig = inspect.signature(fn)
print(sig, list(sig.parameters), sig.parameters['b'].annotation, sig.parameters['b'].kind, sig.return_annotation)
print(inspect.signature(P), inspect.signature(lambda q, *, r=3: 0))
bound = sig.bind(1, 2, 3, c=4, e=5)
print(bound.arguments, sig.replace(return_annotation=inspect.Signature.empty))
print(inspect.isfunction(fn), inspect.isclass(P), inspect.getmembers(F(), lambda v: isinstance(v, str)))

data = {'b': [1, 2, {'z': (3, 4)}], 'a': 'x' * 30, 'c': list(range(25)), 'd': {'nested': {'deep': [P(1)]}}}
pprint.pprint(data, width=40)
print(pprint.pformat(data, depth=1), pprint.saferepr([1, [2, [3]]]))
pprint.pprint(list(range(12)), compact=True, width=20)
