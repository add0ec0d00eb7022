# dict: ** unpacking in displays and calls, duplicates in calls error
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
print({**base, **over}, {**over, **base}, {'z': 0, **base})
def f(**kw):
    return sorted(kw.items())
print(f(**base), f(**base, c=3), f(x=1, **over))
try:
    f(**base, **{'a': 9})
except TypeError as e:
    print('TypeError', e)
try:
    f(a=1, **base)
except TypeError as e:
    print('TypeError', e)
try:
    {**[1]}
except TypeError as e:
    print('TypeError', e)
