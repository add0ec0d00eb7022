# class: __new__ controlling instance creation
class Point:
    def __new__(cls, x, y):
        print('new', cls.__name__)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, x, y):
        print('init')
        self.x, self.y = x, y
p = Point(1, 2)
print(p.created, p.x)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(Other())
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
    def __init__(self, key):
        self.key = key
print(Cached('a') is Cached('a'), Cached('a') is Cached('b'))
class UpperStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(UpperStr('hello'), type(UpperStr('x')).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print('TypeError', e)
class NoInitArgs:
    pass
try:
    NoInitArgs(1)
except TypeError as e:
    print('TypeError', e)
