# class: metaclasses - __new__, __init__, __call__, class keyword args
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = kw.get('tag', 'none')
        cls = super().__new__(mcls, name, bases, ns)
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')))
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *a, **k):
        print('Meta.__call__', cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, tag='base'):
    def __init__(self, v):
        self.v = v
class Child(Base):
    pass
obj = Child(5)
print(obj.v, Child.tag, Base.tag, Child.inited, type(Child).__name__, type(Meta).__name__)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    def __init__(self, x):
        self.x = x
print(Conf(1) is Conf(2), Conf(3).x)
Dyn = type('Dyn', (Base,), {'extra': 1})
print(Dyn.__name__, Dyn.extra, Dyn.tag, isinstance(Dyn, Meta))
class Repr(type):
    def __repr__(cls):
        return f'<class {cls.__name__} via Repr>'
class R(metaclass=Repr): pass
print(R, [R])
