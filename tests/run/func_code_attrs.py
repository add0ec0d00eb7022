# func: deterministic __code__ attributes
def f(a, b, /, c, d=1, *args, e, f=2, **kw):
    x = a + b
    y = x * 2
    def g():
        return x + c
    return g
co = f.__code__
print(co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars, co.co_nlocals)
g = f(1, 2, 3, e=0)
print(g.__code__.co_freevars, g.__code__.co_varnames, g.__code__.co_argcount, g.__code__.co_name, g.__code__.co_qualname)
print(co.co_filename.endswith('func_code_attrs.py'), co.co_firstlineno, g.__code__.co_firstlineno)
print(bool(co.co_flags & 0x04), bool(co.co_flags & 0x08), bool(co.co_flags & 0x20))
def gen():
    yield 1
print(bool(gen.__code__.co_flags & 0x20), bool((lambda: 0).__code__.co_flags & 0x20))
print((lambda x, *y: 0).__code__.co_varnames, (lambda: 0).__code__.co_name)
