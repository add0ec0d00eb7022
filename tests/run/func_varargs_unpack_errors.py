# func: errors from bad * and ** unpacking in calls
def f(*a, **k):
    return a, k
for thunk in [lambda: f(*5), lambda: f(**[1]), lambda: f(**{1: 2}), lambda: f(*None), lambda: f(**None)]:
    try:
        thunk()
    except TypeError as e:
        print('TypeError', e)
print(f(*iter([1, 2])), f(*{'a': 1}), f(**{'a': 1}))
