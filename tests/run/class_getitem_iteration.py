# class: __getitem__ fallback for iteration and membership
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
s = Seq()
print(list(s), 20 in s, 25 in s, list(reversed([*s])), [x for x in s if x])
it = iter(s)
print(type(it).__name__, next(it), next(it))
class Letters:
    def __init__(self, w):
        self.w = w
    def __getitem__(self, i):
        return self.w[i]
    def __len__(self):
        return len(self.w)
print(list(Letters('abc')), list(reversed(Letters('abc'))), 'b' in Letters('abc'))
class StopEarly:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopEarly()))
class KeyErr:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErr())
except KeyError as e:
    print('KeyError', e)
