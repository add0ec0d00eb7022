# Slot members read, written and deleted in loops (the inline caches), then invalidated.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x

def read_all(objs):
    out = []
    for o in objs:
        try:
            out.append((o.x, o.y))
        except AttributeError as e:
            out.append(str(e))
    return out

ps = [P(i) for i in range(4)]
ps[1].y = 'one'
ps[3].y = 'three'
for _ in range(3):
    print(read_all(ps))
del ps[3].y
print(read_all(ps))
try:
    del ps[0].y
except AttributeError as e:
    print('del:', e)
try:
    ps[0].z = 1
except AttributeError as e:
    print('set:', e)

class Q(P):
    __slots__ = ('z',)
qs = [Q(i) for i in range(3)]
for q in qs:
    q.z = q.x * 10
    q.y = -q.x
print([(q.x, q.y, q.z) for q in qs])

# A subclass that replaces a slot with a property: the cached member must not be used.
class R(P):
    @property
    def x(self):
        return 'prop'
rs = [R.__new__(R) for _ in range(2)]
print(read_all(rs))
# The member still works through the base class's descriptor.
P.x.__set__(rs[0], 5)
print(P.x.__get__(rs[0], P), rs[0].x)
# Changing the class after the caches were filled.
def set_all(objs, v):
    for o in objs:
        o.x = v
set_all(ps, 7)
print([p.x for p in ps])
P.x = 'class value'  # replaces the member descriptor
try:
    set_all(ps, 8)
except AttributeError as e:
    print('after replacing:', e)
print(read_all(ps[:1]))
print(P.__dict__['y'], type(P.__dict__['y']).__name__)
