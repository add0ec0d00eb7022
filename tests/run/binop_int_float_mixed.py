# Mixed int and float arithmetic (+ - * / and their in-place forms) at the edges: ints
# beyond 2**53, zeros, infinities, NaN, division by zero.
import sys
vals = [0, 1, -7, 2**53 + 1, -(2**53) - 3, sys.maxsize, -sys.maxsize - 1, 3]
fl = [0.0, -0.0, 1.5, -2.25, 1e300, float("inf"), float("nan"), 3.0]
for a in vals:
    for b in fl:
        for op in ("+", "-", "*", "/"):
            for x, y in ((a, b), (b, a)):
                try:
                    r = eval(f"x {op} y")
                    print(repr(r), end=" ")
                except Exception as e:
                    print(type(e).__name__, e, end=" ")
                z = x
                try:
                    exec(f"z {op}= y")
                    print(repr(z), end=" ")
                except Exception as e:
                    print(type(e).__name__, end=" ")
    print()
