# func: defaults are shared between calls; mutable default accumulates
def acc(x, bucket={}):
    bucket[x] = bucket.get(x, 0) + 1
    return bucket
acc('a'); acc('b'); r = acc('a')
print(r, acc.__defaults__[0] is r)
def with_tuple(t=(1, [2])):
    t[1].append(len(t[1]) + 2)
    return t
print(with_tuple(), with_tuple())
