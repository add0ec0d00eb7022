from __future__ import annotations
import typing
x: dict[str, list[int | None]] = {}
y: "quoted"
z: tuple[int, ...]
w: typing.Callable[[int], str]
v: lambda a, *b, c=1, **d: (a, b) if c else -d ** 2
u: {1: 2, **q} | {*s} | [i async for i in t if i] | f"a{b!r:>{w}}c{{"
def f(a: int = 1, *args: Ts, b: A[B] = 2, **kw: 1e400) -> not x and y or z:
    q: int = 3
    return q
class C:
    attr: C.D = None
    other: 1 if 0 else z
    third: 3 .real < 4 <= 5 is not None
