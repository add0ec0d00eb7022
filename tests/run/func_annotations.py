# func: annotations on parameters and return, evaluated at definition
def f(x: int, y: 'str' = 'a', *args: float, z: list = None, **kw: dict) -> tuple:
    return x, y
print(f.__annotations__)
def g(): pass
print(g.__annotations__)
def h(a: 1 + 1, b: [1, 2]) -> print:
    pass
print(h.__annotations__)
g.__annotations__['new'] = int
print(g.__annotations__)
class C:
    def m(self, other: 'C') -> 'C':
        return self
print(C.m.__annotations__)
v: int = 5
w: str
print(__annotations__ if '__annotations__' in dir() else 'none', v)
