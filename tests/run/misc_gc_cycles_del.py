# misc: reference cycles with __del__ collected by gc.collect()
import gc
log = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        log.append(self.name)
gc.disable()
a = Node('a')
b = Node('b')
a.other = b
b.other = a
del a, b
print('before collect', log)
found = gc.collect()
print('after collect', sorted(log), found >= 2)
gc.enable()
c = Node('c')
del c
print('acyclic freed immediately', log[-1])
self_ref = Node('self')
self_ref.other = self_ref
del self_ref
gc.collect()
print('self cycle freed', 'self' in log)
