# class: custom descriptor implementing a cached property
class cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, owner):
        if obj is None:
            return self
        print('computing', self.name)
        v = self.fn(obj)
        obj.__dict__[self.name] = v
        return v
class Data:
    def __init__(self, n):
        self.n = n
    @cached
    def squares(self):
        return [i * i for i in range(self.n)]
d = Data(5)
print(d.squares)
print(d.squares)
print(type(Data.squares).__name__, 'squares' in d.__dict__)
