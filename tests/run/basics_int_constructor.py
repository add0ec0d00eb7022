# basics: int() with objects defining __int__, __index__, __trunc__
class A:
    def __index__(self):
        return 7
class B:
    def __int__(self):
        return 9
print(int(A()), int(B()), bin(A()), hex(A()), [0, 1, 2, 3, 4, 5, 6, 7, 8][A()])
print(int(), float(), complex(), bool(), str())
print(int(b'42'), int(bytearray(b'-17')), int('10', base=2))
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
class D:
    def __int__(self):
        return "no"
try:
    int(D())
except TypeError as e:
    print("TypeError", e)
