# scope: del of every target kind - names, attributes, subscripts, slices, tuples, lists
a = 1
b = 2
del a
print('a' in dir(), 'b' in dir())
class O:
    pass
o = O()
o.x = 1
o.y = 2
del o.x
print(vars(o))
lst = list(range(6))
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
d = {'k': 1, 'j': 2, 'm': 3}
del d['k']
print(d)
c, e = 3, 4
del (c, e)
print('c' in dir(), 'e' in dir())
f1, f2 = 5, 6
del [f1, f2]
print('f1' in dir())
nested = {'a': [1, 2, {'b': 3}]}
del nested['a'][2]['b']
del nested['a'][0]
print(nested)
def fn():
    loc = 1
    del loc
    return 'loc' in locals()
print(fn())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
