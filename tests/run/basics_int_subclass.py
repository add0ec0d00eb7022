# basics: subclassing int and operations returning plain int
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
a = MyInt(5)
print(a, repr(a), str(a), a + 1, type(a + 1).__name__, type(-a).__name__, type(abs(a)).__name__)
print(isinstance(a, int), a == 5, hash(a) == hash(5), MyInt('12', 3), MyInt())
class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)
print(Even(7), Even(8), Even(-3), [Even(i) for i in range(5)])
print(int.__repr__(a), format(a, '03d'), f"{a}", f"{a!r}")
class Flag(int):
    pass
f = Flag(3)
f.extra = 'yes'
print(f.extra, f * 2, Flag(True), bool(Flag(0)))
