# misc: variable annotations at module, class and function level
x: int = 5
y: 'str'
print(__annotations__, x)
class C:
    a: int
    b: str = 'b'
    c: list[int] = []
print(C.__annotations__, C.b, hasattr(C, 'a'))
def f():
    local: int = 3
    other: str
    return local
print(f(), f.__annotations__)
try:
    y
except NameError as e:
    print('NameError', e)
class D:
    self_ref: 'D'
    n: int = 0
print(D.__annotations__)
obj = C()
obj.attr: int = 7
print(obj.attr, 'attr' in C.__annotations__)
