# class: rich comparisons, reflection, NotImplemented and defaults
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f'eq({self.v},{getattr(o, "v", o)})')
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        print(f'lt({self.v},{getattr(o, "v", o)})')
        return self.v < o.v if isinstance(o, V) else NotImplemented
    def __le__(self, o):
        return self.v <= o.v
print(V(1) == V(1), V(1) != V(2))
print(V(1) < V(2), V(3) > V(2))
print(V(1) <= V(1))
try:
    V(1) >= V(0)
except TypeError as e:
    print('TypeError', e)
try:
    V(1) < 5
except TypeError as e:
    print('TypeError', e)
print(V(1) == 5, 5 == V(1))
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q)
try:
    p < q
except TypeError as e:
    print('TypeError', e)
print(sorted([V(3), V(1), V(2)], key=lambda x: x.v)[0].v)
