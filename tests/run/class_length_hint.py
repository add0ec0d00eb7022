# class: __length_hint__ is advisory; list() still consumes the iterator
class It:
    def __init__(self, n, hint):
        self.n = n
        self.hint = hint
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def __length_hint__(self):
        print('hint asked')
        return self.hint
print(list(It(3, 100)))
print(list(It(4, 0)))
class BadHint(It):
    def __length_hint__(self):
        return -1
try:
    list(BadHint(2, 0))
except ValueError as e:
    print('ValueError', e)
