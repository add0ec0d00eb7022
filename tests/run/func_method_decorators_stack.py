# func: decorators applied to methods receive self correctly
def logged(fn):
    def w(self, *a):
        print('->', type(self).__name__, fn.__name__, a)
        return fn(self, *a)
    return w
class Acc:
    def __init__(self):
        self.total = 0
    @logged
    def add(self, n):
        self.total += n
        return self
a = Acc()
a.add(1).add(2)
print(a.total)
