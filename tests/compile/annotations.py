x: int = 1
y: "str"
a.b: int
c[1:2, 3]: list
class K:
    z: int = 3
    __p: int
def f():
    q: int = 2
    return q
