# class: truthiness via __bool__ and __len__ fallback
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called')
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Neither:
    pass
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Neither()))
print('yes' if L(2) else 'no', not L(0), len(L(7)))
if B(False) or L(1):
    print('or works')
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError', e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print('ValueError', e)
try:
    bool(NegLen())
except ValueError as e:
    print('ValueError', e)
class BigLen:
    def __len__(self):
        return 2 ** 100
try:
    len(BigLen())
except OverflowError as e:
    print('OverflowError', e)
class StrLen:
    def __len__(self):
        return '3'
try:
    len(StrLen())
except TypeError as e:
    print('TypeError', e)
try:
    len(Neither())
except TypeError as e:
    print('TypeError', e)
