# contextvars: ContextVar get/set/reset, Token, Context as a mapping, run and copy.
import contextvars as cv


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# Argument and type errors.
attempt(lambda: cv.ContextVar())
attempt(lambda: cv.ContextVar('a', 1))
attempt(lambda: cv.ContextVar(1))
attempt(lambda: cv.ContextVar('a', foo=1))
attempt(lambda: cv.ContextVar(name='a'))
attempt(lambda: cv.Context(1))
attempt(lambda: cv.Token())
attempt(lambda: cv.ContextVar('a').get(1, 2))
attempt(lambda: cv.ContextVar('a').get(default=3))
attempt(lambda: cv.ContextVar('a').set())
attempt(lambda: cv.ContextVar('a').reset(1))
attempt(lambda: cv.Context()[1])
attempt(lambda: cv.Context().run())
attempt(lambda: cv.Context().get())
attempt(lambda: cv.Context().get(1, 2, 3))
attempt(lambda: 1 in cv.Context())
attempt(lambda: cv.copy_context(1))

v = cv.ContextVar('v', default=5)
print(repr(v).split(' at ')[0], v.name)
try:
    v.name = 3
except AttributeError as e:
    print('AttributeError', e)
print(cv.Token.MISSING, type(cv.Token.MISSING))
print(cv.ContextVar[int], cv.Token[str])

# set / get / reset.
print(v.get())
t = v.set(10)
print(v.get(), t.var is v, t.old_value, repr(t).startswith("<Token var=<ContextVar name='v' default=5 at"))
c = cv.copy_context()
print(c[v], v in c, len(c), list(c) == [v], c.get(v), list(c.items()) == [(v, 10)])
print(list(c.keys()) == [v], list(c.values()))


def f(x, y=0):
    v.set(x + y)
    return v.get()


print(c.run(f, 1, y=2), v.get(), c[v])
v.reset(t)
print(v.get(), repr(t).startswith('<Token used var'))
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError', str(e).endswith('has already been used once'))

w = cv.ContextVar('w')
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
print(w.get(7))
t2 = w.set(1)
try:
    v.reset(t2)
except ValueError as e:
    print('ValueError', str(e).endswith('was created by a different ContextVar'))


def inner():
    try:
        w.reset(t2)
    except ValueError as e:
        print('ValueError', str(e).endswith('was created in a different Context'))
    print('inner sees', w.get(None))


cv.Context().run(inner)
w.reset(t2)
print(t2.old_value is cv.Token.MISSING)
try:
    w.get()
except LookupError:
    print('gone')

# Entering a context twice.
c2 = cv.copy_context()
try:
    c2.run(lambda: c2.run(print))
except RuntimeError as e:
    print(str(e)[:22], str(e)[-19:])

# An exception inside run still leaves the context.
def boom():
    v.set(99)
    raise KeyError('x')


try:
    c2.run(boom)
except KeyError as e:
    print('KeyError', e, c2[v], v.get())
c2.run(lambda: print('re-entered', v.get()))

# Comparisons, hashing, weak references.
print(cv.Context() == cv.Context(), c == c.copy(), c != c.copy(), c == 1, c == cv.Context())
try:
    hash(cv.Context())
except TypeError:
    print('unhashable')
import weakref
r = weakref.ref(c)
print(r() is c)
print(hash(v) == hash(v), {v: 1}[v])

# Generators see the context current when they run.
n = cv.ContextVar('n', default=0)


def gen():
    for _ in range(3):
        yield n.get()


g = gen()
print(next(g))
n.set(1)
print(next(g))
print(cv.Context().run(next, g))
