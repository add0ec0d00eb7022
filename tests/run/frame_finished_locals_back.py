# Frame objects that outlive their frames (tracebacks, sys._getframe()): their locals,
# their f_back links to the caller, and the lifetime of what they hold.
import sys
def f(a, b=2):
    c = a + b
    def g(): return c
    try:
        raise ValueError(c)
    except ValueError as e:
        return e, g
e, g = f(1)
tb = e.__traceback__
print(sorted(tb.tb_frame.f_locals.items(), key=lambda kv: kv[0])[:3], tb.tb_frame.f_lineno, tb.tb_frame.f_code.co_name)
def h():
    x = 5
    return sys._getframe()
fr = h()
print(fr.f_locals, fr.f_locals is fr.f_locals, fr.f_back is None)
def gen():
    y = 1
    yield sys._getframe()
    y = 2
    yield
it = gen(); fr2 = next(it); print(fr2.f_locals); next(it); print(fr2.f_locals)
class Del:
    def __del__(self): print("del")
def k():
    d = Del()
    return sys._getframe()
fr3 = k(); print("before"); del fr3; print("after")
def outer():
    return inner()
def inner():
    return sys._getframe()
fi = inner.__code__ and outer()
print(fi.f_code.co_name, fi.f_back.f_code.co_name, fi.f_back.f_back.f_code.co_name, fi.f_back.f_lineno)
def deep(n):
    if n == 0:
        raise KeyError(n)
    deep(n - 1)
try:
    deep(3)
except KeyError as e:
    t = e.__traceback__
    names = []
    while t:
        names.append((t.tb_frame.f_code.co_name, t.tb_lineno, t.tb_frame.f_locals.get("n"),
                      t.tb_frame.f_back.f_code.co_name if t.tb_frame.f_back else None))
        t = t.tb_next
    print(names)
print(sorted(map(list, [[1]])), list(map(lambda fr: fr.f_locals, [sys._getframe()]))[0] is not None)
