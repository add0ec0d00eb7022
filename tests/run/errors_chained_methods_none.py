# errors: common mistake - methods returning None then used
lst = [3, 1, 2]
result = lst.sort()
try:
    result[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst.append(4).append(5)
except AttributeError as e:
    print(type(e).__name__, e)
d = {}
try:
    d.update(a=1)['a']
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in print('printing'):
        pass
except TypeError as e:
    print(type(e).__name__, e)
