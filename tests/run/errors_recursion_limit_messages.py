# errors: RecursionError message in different recursive contexts
import sys
sys.setrecursionlimit(150)
def f():
    f()
try:
    f()
except RecursionError as e:
    print(type(e).__name__, e)
class A:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    A().y
except RecursionError as e:
    print(type(e).__name__, e)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print(type(e).__name__, e)
print('recovered', sys.getrecursionlimit())
