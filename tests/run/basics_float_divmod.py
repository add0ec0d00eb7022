# basics: divmod and modulo for floats, division by zero
print(divmod(7.0, 2), divmod(-7.0, 2), divmod(7, -2.0), divmod(-7.5, -2))
print(divmod(0.0, 3), divmod(1e10, 3.3))
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0), (5, 0)]:
    for op in ('/', '//', '%'):
        try:
            r = eval(f"a {op} b")
            print(r)
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError", e)
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print("divmod ZeroDivisionError", e)
print(3.5 % 1, -3.5 % 1, 10 % 3.25)
