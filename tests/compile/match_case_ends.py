# The jump that ends a case body is artificial (CPython 3.11.4+, gh-103971): it takes the
# location of the instruction before it, so unreachable code at the end of a case leaves no
# line event (test_patma's TestTracing.test_unreachable_code).
def f(command):
    match command:
        case 1:
            if False:
                return 1
        case _:
            if False:
                return 0
def g(x):
    match x:
        case 1:
            z = 0
        case [a, b]:
            z = a + b
        case {"k": v} if v:
            print(v)
        case _:
            z = None
    return z
