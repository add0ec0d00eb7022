# func: functions as values in containers, dispatch tables, sorting by function
def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
ops = {'+': add, '-': sub, '*': mul}
expr = [(3, '+', 4), (10, '-', 7), (6, '*', 7)]
print([ops[o](a, b) for a, o, b in expr])
pipeline = [str.strip, str.lower, lambda s: s.replace(' ', '_')]
s = '  Hello World  '
for fn in pipeline:
    s = fn(s)
print(s)
print(sorted([mul, add, sub], key=lambda f: f.__name__)[0].__name__)
print(add == add, add != sub, callable(add), hash(add) == hash(add))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1))
