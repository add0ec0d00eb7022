# CALL of built-in functions and method descriptors with positional arguments: results,
# errors and their tracebacks, argument counts, subclasses, re-entry into Python code, and
# arguments released (with their __del__) when the call ends.
import sys


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag, sys._getframe(1).f_code.co_name)

    def __len__(self):
        return 3


def calls():
    s = "a,b,c"
    print(len(s), s.split(","), s.upper(), s.find("b"), abs(-4), max(3, 9, 2))
    d = {}
    d.setdefault("k", []).append(1)
    print(d, d.get("k"), d.get("x", 0))
    print(len(Noisy("arg")))
    print("after len")


calls()


class MyStr(str):
    def upper(self):
        return "overridden"


def subclass():
    m = MyStr("abc")
    print(m.upper(), m.lower(), str.upper(m), len(m))


subclass()


def arity_errors():
    for thunk in (
        lambda: "abc".upper(1),
        lambda: "abc".split(",", 1, 2),
        lambda: len(),
        lambda: len(1, 2),
        lambda: str.upper(5),
        lambda: [].append(),
        lambda: abs("x"),
    ):
        try:
            thunk()
        except TypeError as e:
            print("TypeError:", e)


arity_errors()


def reentry(n):
    # Native functions calling back into Python, nested.
    return sorted(map(lambda x: -x, range(n)), key=lambda v: (v % 3, v))


print(reentry(10))


def deep(n):
    return n if n == 0 else max(deep(n - 1), 0)


sys.setrecursionlimit(300)
try:
    deep(1000)
except RecursionError as e:
    print("RecursionError:", e)
print(deep(100))


def fails():
    x = [1, 2]
    return x.index(5)


def outer():
    return fails()


outer()
