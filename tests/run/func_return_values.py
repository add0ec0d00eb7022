# func: return semantics - implicit None, multiple values, early return
def nothing():
    pass
def bare():
    return
def multi():
    return 1, 2, 3
def early(x):
    for i in range(10):
        if i == x:
            return i * 10
    return -1
print(nothing(), bare(), multi(), early(3), early(20))
def nested_return():
    try:
        return 'try'
    finally:
        print('finally runs')
print(nested_return())
def loop_return():
    while True:
        return 'out'
print(loop_return())
def ret_star():
    a = [1, 2]
    return *a, 3
print(ret_star())
