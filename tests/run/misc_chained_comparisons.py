# misc: chained comparisons evaluate middle operands once and short-circuit
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
x = 5
print(1 < x <= 5, 0 <= x < 5, 1 < x > 3, x in [5] in [[5]], 'a' < 'b' < 'c' > 'a')
print(1 < 2 > 0 == 0 != 1 >= 1 <= 1)
class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f'{self.n} < {o.n}')
        return self.n < o.n
print(Loud(1) < Loud(2) < Loud(0) < Loud(5))
