# class: __index__ used for slicing, sequence indexing, bin/hex, range and operator use
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = list(range(10))
print(lst[I(3)], lst[I(1):I(7):I(2)], 'abcdef'[I(-1)], bin(I(5)), hex(I(255)), oct(I(8)))
print(list(range(I(3))), [0] * I(3), 'ab' * I(2), I(2).__index__(), int(I(9)))
print((10).to_bytes(I(2), 'big'), bytes(I(2)), range(10)[I(4)], (1, 2, 3)[I(0):I(2)])
class NotI:
    pass
try:
    lst[NotI()]
except TypeError as e:
    print('TypeError', e)
class BadI:
    def __index__(self):
        return 1.5
try:
    lst[BadI()]
except TypeError as e:
    print('TypeError', e)
try:
    pow(2, I(10))
except TypeError as e:
    print('TypeError', e)
