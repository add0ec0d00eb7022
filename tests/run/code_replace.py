# code.replace(**changes) and types.CodeType(...): new code objects that run, equality,
# types.coroutine (which sets CO_ITERABLE_COROUTINE through replace), and the errors.
import types


def f(a, b=2, *args, c, **kw):
    x = a + b
    def g():
        return x + c
    return g()


co = f.__code__
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals)
print(co.replace() == co, co.replace() is co, hash(co.replace()) == hash(co))

c2 = co.replace(co_name='h', co_qualname='Q.h', co_firstlineno=100, co_filename='zz.py')
print(c2.co_name, c2.co_qualname, c2.co_firstlineno, c2.co_filename, c2 == co)
print(c2.co_varnames == co.co_varnames, c2.co_cellvars, c2.co_consts == co.co_consts)


def greet():
    return 'hello'


greet.__code__ = greet.__code__.replace(co_consts=tuple(
    'bye' if c == 'hello' else c for c in greet.__code__.co_consts))
print(greet(), greet.__code__.co_consts)


def add(a, b):
    return a + b


sub_code = add.__code__.replace(co_varnames=('b', 'a'))
print(types.FunctionType(sub_code, globals())(10, 3), add(10, 3))


def outer():
    v = 5
    def inner():
        return v * 2
    return inner


inner = outer()
ic = inner.__code__.replace(co_name='renamed')
print(ic.co_freevars, types.FunctionType(ic, globals(), None, None, inner.__closure__)())
print(repr(ic).split(' at ')[0])


@types.coroutine
def gen_coro():
    yield 'step'
    return 'finished'


async def user():
    return await gen_coro()


print(bool(gen_coro.__code__.co_flags & 0x100), gen_coro.__name__)
c = user()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)

args = [co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
        co.co_stacksize, co.co_flags, co.co_code, co.co_consts, co.co_names, co.co_varnames,
        co.co_filename, co.co_name, co.co_qualname, co.co_firstlineno, co.co_linetable,
        co.co_exceptiontable, co.co_freevars, co.co_cellvars]
made = types.CodeType(*args)
print(made == co, made.co_name, types.FunctionType(made, globals())(1, 2, c=3))

for kw in [dict(co_argcount=-1), dict(co_nlocals=99), dict(co_nlocals=0),
           dict(co_consts=[1]), dict(co_name=1), dict(co_varnames=('a',)),
           dict(co_code=b'\x00'), dict(co_flags=-5), dict(zz=1), dict(co_linetable='x'),
           dict(co_names=(1,)), dict(co_varnames=(1, 2, 3, 4, 5, 6)), dict(co_argcount=10),
           dict(co_stacksize=2 ** 40), dict(co_qualname=None), dict(co_consts=None),
           dict(co_flags='x'), dict(co_firstlineno=1.5)]:
    try:
        r = co.replace(**kw)
        print(kw, 'ok', r.co_nlocals)
    except Exception as e:
        print(kw, type(e).__name__, e)
try:
    co.replace(1)
except TypeError as e:
    print(e)
for bad in [(), args[:15], args + [1], args[:6] + ['x'] + args[7:],
            args[:3] + ['x'] + args[4:], args[:12] + [None] + args[13:],
            args[:7] + [[1]] + args[8:]]:
    try:
        types.CodeType(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    types.CodeType(*args[:16], freevars=())
except TypeError as e:
    print(e)
print(co == 1, co != co.replace(co_firstlineno=1), {co: 1}[co.replace()])
