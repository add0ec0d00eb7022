class S(str):
    def __str__(self): return 'custom'
class T(str): pass
class I(int): pass
class B:
    def __str__(self): return 'B!'
print(str(S('x')), type(str(T('y'))).__name__, str(T('y')), str(B()), str(1), str(True), str(None), str(2.5))
print(int(5), int(True), type(int(True)).__name__, int(I(3)), type(int(I(3))).__name__)
a = 'ab'; b = 'cd'; c = a + b; c += 'e'; print(c, T('x') + 'y', type(T('x') + 'y').__name__)
class U(str):
    def __add__(self, o): return 'U-add'
    def __radd__(self, o): return 'U-radd'
print(U('u') + 'v', 'v' + U('u'))
try: 'a' + 1
except TypeError as e: print(e)
