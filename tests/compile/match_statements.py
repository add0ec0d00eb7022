def f(command, point):
    match command.split():
        case [action]:
            print(action)
        case [action, obj]:
            print(action, obj)
        case ["go", *rest] if rest:
            print(rest)
        case ["drop", *objects, last]:
            print(objects, last)
        case _:
            print("other")
    match point:
        case (0, 0) | [1, 1]:
            return "origin"
        case {"x": 0, "y": y, **kw}:
            return y, kw
        case Point(x=0, y=yy) as p:
            return yy, p
        case Point(1, b, z=3):
            return b
        case -1 | 2.5 | 1+2j | None | True:
            return "const"
        case str() | bytes():
            return "text"
        case {1: _, "k": [a, *_]}:
            return a
        case [*_]:
            return "seq"
        case other:
            return other


def g(x):
    match x:
        case _:
            pass
