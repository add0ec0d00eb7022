# func: function attributes __name__ __qualname__ __doc__ __module__ __dict__
def top(a, b: int = 1, *args, c: str = 'c', **kw) -> bool:
    """Top-level docstring."""
    return True
print(top.__name__, top.__qualname__, top.__doc__, top.__module__)
print(top.__defaults__, top.__kwdefaults__, top.__annotations__)
class K:
    def meth(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            """deep doc"""
print(K.meth.__qualname__, K().meth().__qualname__, K.Nested.deep.__qualname__, K.Nested.deep.__doc__, K.Nested.__qualname__)
def nodoc():
    x = 'not a doc'
print(nodoc.__doc__, (lambda: 1).__doc__)
top.custom = 42
print(top.custom, top.__dict__, hasattr(nodoc, 'custom'))
top.__name__ = 'renamed'
print(top.__name__, top.__qualname__)
top.__doc__ = 'new doc'
print(top.__doc__)
def f(): pass
print(f.__defaults__, f.__kwdefaults__, f.__annotations__, f.__closure__, type(f.__globals__).__name__, f.__globals__ is globals())
