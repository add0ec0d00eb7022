# class: __reversed__ and the sequence fallback for reversed()
class Rev:
    def __reversed__(self):
        return iter(['z', 'y'])
print(list(reversed(Rev())))
class SeqLike:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return 'abc'[i]
print(list(reversed(SeqLike())))
class NotSeq:
    def __iter__(self):
        return iter([1, 2])
try:
    reversed(NotSeq())
except TypeError as e:
    print('TypeError', e)
class NoneRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoneRev())
except TypeError as e:
    print('TypeError', e)
