# misc: deep recursion hits RecursionError, is caught, and normal execution continues
import sys
def depth_probe(n=0):
    try:
        return depth_probe(n + 1)
    except RecursionError:
        return n
limit = sys.getrecursionlimit()
d = depth_probe()
print(limit, d > 100, d < limit)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
try:
    fact(100000)
except RecursionError as e:
    print('RecursionError:', e)
print(fact(200) % 1000003)
