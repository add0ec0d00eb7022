# builtins: slice objects and their use with sequences
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, 'abcdefghij'[s], list(range(10))[s], s.indices(5), slice(3), slice(None, None, -1))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(-2, None).indices(10))
class Rec:
    def __getitem__(self, k):
        return k
r = Rec()
print(r[1:2], r[::3], r[1:2, 3], r[:], r[..., 1])
try:
    hash(slice(1, 2))
except TypeError as e:
    print('TypeError', e)
