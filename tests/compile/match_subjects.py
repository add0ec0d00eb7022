# `match x,:` matches the 1-tuple (x,) (rustpython-parser drops the tuple; CPython's
# test_patma 151 and 153), and the subject tuple of `match x, y:` has its own position.
def f(x, y):
    match x,:
        case y,:
            z = 0
    match w := x,:
        case y as v,:
            z = 0
    match (x) ,:
        case _:
            pass
    match *x, :
        case _:
            pass
    match 1,:
        case (1,):
            pass
    match x, y:
        case _:
            pass
    match x, (y), :
        case _:
            pass
    match (x,
           y  # a comment, with a comma
           ):
        case _:
            pass
    match x:
        case _:
            pass
    match (x):
        case _:
            pass
    return y, z, w, v
