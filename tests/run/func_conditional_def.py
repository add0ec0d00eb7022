# func: conditional and redefined functions
import sys
if sys.version_info >= (3, 0):
    def which():
        return 'py3'
else:
    def which():
        return 'py2'
print(which())
def f():
    return 1
g = f
def f():
    return 2
print(f(), g(), f.__name__, g.__name__)
for i in range(3):
    def loop_fn(x=i):
        return x * 100
print(loop_fn())
