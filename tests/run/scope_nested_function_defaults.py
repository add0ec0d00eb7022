# scope: default values are evaluated in the enclosing scope at definition time
x = 'module'
def outer():
    x = 'outer'
    def inner(v=x):
        return v
    x = 'changed'
    return inner(), (lambda v=x: v)()
print(outer())
class K:
    y = 'class y'
    def m(self, v=y):
        return v
print(K().m())
