print(type[int])
import typing; print(typing.List[int], typing.Optional[str])
from typing import NamedTuple, TypedDict, Generic, TypeVar, Protocol, runtime_checkable
T = TypeVar('T')
class P(NamedTuple):
    x: int
    y: str = 'a'
print(P(1), P._fields, P.__bases__)
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, Box[int])
class TD(TypedDict):
    a: int
print(TD(a=1))
print(typing.get_type_hints(P))
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
import io
print(isinstance(io.StringIO(), Closable), isinstance(3, Closable))
class A: pass
class B: pass
class C(A): pass
C.__bases__ = (B,)
print(C.__mro__ == (C, B, object))
for bad in [(), [A], (1,), (C,)]:
    try: C.__bases__ = bad
    except TypeError as e: print(e)
try: int.__bases__ = (object,)
except TypeError as e: print(e)
from typing import (Any, Callable, ClassVar, Final, Literal, Union, Optional, Dict, List, Tuple,
                    Iterator, cast, overload, get_origin, get_args, NewType, Annotated, Self,
                    TypeAlias, ParamSpec, Concatenate, Never, assert_never, reveal_type, Sequence)
print(Union[int, str], Optional[int], Union[int, None] == Optional[int])
print(Dict[str, List[int]], Tuple[int, ...], Callable[[int, str], bool], Callable[..., Any])
print(Literal[1, 'a'], ClassVar[int], Final[str], Annotated[int, 'meta'])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(int | str), get_args(int | str))
UserId = NewType('UserId', int)
print(UserId(5), UserId.__name__)
print(cast(int, '3'))
P2 = ParamSpec('P2')
print(Callable[P2, int], Callable[Concatenate[int, P2], int])
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(2))
def g(x: 'List[int]', y: Optional[str] = None) -> Iterator[int]:
    yield from x
print(typing.get_type_hints(g))
print(list(g([1, 2])))
class Node(Generic[T]):
    children: 'List[Node[T]]'
print(typing.get_type_hints(Node))
print(Sequence[int], isinstance([], Sequence), issubclass(list, typing.Iterable))
try:
    Union[()]
except TypeError as e:
    print(e)
try:
    Generic[int]
except TypeError as e:
    print(e)
print(int | None, list[int] | None, type(int | str))
