# exc: custom exception classes with extra attributes, __str__ and inheritance
class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __str__(self):
        return f'[{self.code}] not found: {self.args[0]}'
try:
    raise NotFound('item', code=404)
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
class NoSuperInit(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b
e = NoSuperInit(1, 2)
print(e.args, str(e), repr(e))
class WithArgs(Exception):
    pass
w = WithArgs()
w.args = ('replaced', 2)
print(str(w), repr(w))
class Base(Exception): pass
class Mid(Base): pass
class Leaf(Mid): pass
for cls in (Base, Mid, Leaf):
    try:
        raise cls()
    except Mid:
        print(cls.__name__, 'caught as Mid')
    except Base:
        print(cls.__name__, 'caught as Base')
