# scope: comprehension scopes, loop variable isolation and closures
i = 'outer i'
lst = [i for i in range(3)]
print(lst, i)
print({i: i for i in 'ab'}, i)
print({i for i in [5]}, i)
g = (i for i in range(2))
print(list(g), i)
def f():
    n = 10
    return [n + k for k in range(3)]
print(f())
fs = [lambda: k for k in range(3)]
print([fn() for fn in fs])
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
y = 5
print([y for _ in range(2)], [(lambda: y)() for _ in range(1)])
print([w := v * 2 for v in range(3)], w)
