# dict: get/setdefault/pop with defaults and None values
d = {'n': None}
print(d.get('n', 'dflt'), d.setdefault('n', 5), 'n' in d, d.pop('n', 'x'), d)
print(d.setdefault('k'), d, d.get('missing', []))
cache = {}
def fib(n):
    if n in cache:
        return cache[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    cache[n] = r
    return r
print(fib(80), len(cache))
