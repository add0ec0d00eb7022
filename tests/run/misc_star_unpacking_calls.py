# misc: star-unpacking in calls, list/tuple/set/dict displays and assignments
def f(a, b, c, d=0, *rest, **kw):
    return a, b, c, d, rest, sorted(kw.items())
args = [1, 2]
more = (3, 4, 5)
kw = {'x': 1}
print(f(*args, *more, **kw, y=2))
print(f(0, *range(2), **{'d': 9}))
print([*args, *more], (*args, 0), {*'ab', *'bc'} == {'a', 'b', 'c'}, {**kw, 'z': 3, **{'x': 5}})
first, *middle, last = *args, *more
print(first, middle, last)
print(*[1, 2], sep='|')
a = [*range(3)]
b = [*a, *a]
print(b, [*'', *()], [*{'k': 1}])
matrix = [[1, 2], [3, 4]]
print(list(zip(*matrix)), max(*[3, 9, 2]))
