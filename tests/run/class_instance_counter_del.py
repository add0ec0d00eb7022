# class: __del__ called deterministically when refcount drops (CPython), and on del
import gc
class R:
    def __init__(self, name):
        self.name = name
        print('create', name)
    def __del__(self):
        print('destroy', self.name)
a = R('a')
b = R('b')
del a
print('after del a')
b = None
print('after b = None')
def scope():
    c = R('c')
    print('leaving scope')
scope()
print('after scope')
lst = [R('x'), R('y')]
lst.pop()
print('popped')
lst.clear()
print('cleared')
gc.collect()
print('end')
