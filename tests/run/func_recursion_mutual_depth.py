# func: moderately deep recursion (below the limit) and recursion with accumulators
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500), sys.getrecursionlimit() >= 1000)
def sum_list(lst, acc=0):
    if not lst:
        return acc
    return sum_list(lst[1:], acc + lst[0])
print(sum_list(list(range(300))))
def tree(n):
    return None if n == 0 else (tree(n - 1), n, tree(n - 1))
def count(t):
    return 0 if t is None else 1 + count(t[0]) + count(t[2])
print(count(tree(10)))
def binsearch(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return binsearch(a, x, mid + 1, hi) if a[mid] < x else binsearch(a, x, lo, mid)
a = list(range(0, 1000, 3))
print(binsearch(a, 300), binsearch(a, 301), binsearch(a, 0), binsearch(a, 999))
