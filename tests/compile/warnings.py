def f(x, y):
    if x is 1 or y is not "a":
        pass
    z = x is () and 1 < x is -1
    [1, 2](3)
    "abc"()
    (1, 2)[x][0]
    5[0]
    {1, 2}[0]
    "abc"["x"]
    [1][1.5]
    (x for x in y)[0]
    assert (x, "message")
    assert ()
    return f"{x}"[None]
