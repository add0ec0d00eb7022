# builtins: abs, all, any with various inputs and short-circuiting
print(abs(-5), abs(5.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-10 ** 30))
print(all([]), all([1, 2]), all([1, 0]), all('abc'), all(['']), any([]), any([0, '', None]), any([0, 'x']), any(iter([0, 1])))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in range(10)), seen)
seen.clear()
print(all(check(x) for x in [5, 6, 1, 9]), seen)
class A:
    def __abs__(self):
        return 'absolute'
print(abs(A()))
