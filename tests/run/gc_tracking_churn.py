# Containers freed by reference counting leave the collector's books at once (as CPython's
# PyObject_GC_Del): the count of containers made goes back down, and the collector keeps
# finding cycles among objects made, freed and promoted in any order.
import gc

gc.disable()
gc.collect()
start = gc.get_count()[0]
for i in range(10000):
    d = {"i": i}
    l = [d, d, (i, [i])]
del d, l
print("count grew by less than 100:", gc.get_count()[0] - start < 100)


class Node:
    def __init__(self, n):
        self.n = n
        self.other = None


keep = []
for r in range(6):
    ring = [Node(i) for i in range(50)]
    for a, b in zip(ring, ring[1:] + ring[:1]):
        a.other = b
    if r % 2 == 0:
        keep.append(ring[0])
    del ring, a, b
    print(r, "found cycles:", gc.collect() > 0)
print("kept rings intact:", [k.other.other.n for k in keep])

# Old objects die between collections, in any order, and young ones take their places.
survivors = [[i] for i in range(3000)]
gc.collect()
del survivors[::2]
fresh = [{i: i} for i in range(500)]
del survivors[::3]
gc.collect()
print(sum(x[0] for x in survivors), len(fresh))

# A finalizer that makes containers while the collector runs.
made = []


class D:
    def __del__(self):
        made.append([type(self).__name__, {"n": len(made)}])


for i in range(5):
    x = D()
    x.me = x
    del x
print("collected:", gc.collect() >= 5, "finalized:", len(made))
made.clear()
print("after clear:", gc.collect(), len(made))

# With the collector on, a loop of short-lived containers and cycles.
gc.enable()
total = 0
for i in range(20000):
    a = [i]
    b = [a]
    a.append(b)
    total += len(a)
    del a, b
gc.collect()
print(total, gc.isenabled())
