# class: data vs non-data descriptors and lookup precedence
class Data:
    def __get__(self, obj, owner):
        return 'data-get'
    def __set__(self, obj, v):
        print('data-set', v)
    def __delete__(self, obj):
        print('data-delete')
class NonData:
    def __get__(self, obj, owner):
        return f'nondata-get obj={obj is not None} owner={owner.__name__}'
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, c.n, C.n)
c.d = 5
c.__dict__['d'] = 'instance value'
print(c.d)
c.n = 'shadowed'
print(c.n)
del c.d
del c.n
print(c.n)
class Typed:
    def __init__(self, t):
        self.t = t
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        return self if obj is None else obj.__dict__[self.name]
    def __set__(self, obj, v):
        if not isinstance(v, self.t):
            raise TypeError(f'{self.name} must be {self.t.__name__}')
        obj.__dict__[self.name] = v
class Person:
    age = Typed(int)
    name = Typed(str)
p = Person()
p.age = 30
p.name = 'al'
print(p.age, p.name, type(Person.age).__name__)
try:
    p.age = 'old'
except TypeError as e:
    print('TypeError', e)
