# errors: del statement failures
x = 1
del x
try:
    del x
except NameError as e:
    print(type(e).__name__, e)
class C:
    pass
c = C()
try:
    del c.attr
except AttributeError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
d = {}
try:
    del d['k']
except KeyError as e:
    print(type(e).__name__, e)
l = [1]
try:
    del l[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del C.nope
except AttributeError as e:
    print(type(e).__name__, e)
def f():
    del y
    y = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
