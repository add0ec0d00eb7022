# misc: deterministic __del__ ordering for containers and reassignments
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
x = T(1)
x = T(2)
print('reassigned')
lst = [T(3), T(4)]
lst = None
print('list dropped')
d = {'a': T(5)}
d['a'] = T(6)
print('dict value replaced')
del d
print('dict deleted')
def f():
    t = T(7)
    return 'returning'
print(f())
del x
print('end of program')
