# func: docstrings on functions, classes, lambdas and modules
"""Module docstring here."""
def f():
    """First line.

    More details.
    """
def g():
    'single quoted doc'
    return 1
def h():
    x = 1
    """not a docstring"""
class C:
    """Class doc."""
    def m(self):
        """Method doc."""
print(repr(f.__doc__))
print(g.__doc__, h.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__)
print(__doc__)
def i():
    f"""f-string is not a doc"""
print(i.__doc__)
