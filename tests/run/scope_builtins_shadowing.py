# scope: shadowing builtins at module and function level, and restoring
print(len('abc'))
len = lambda x: 'shadowed'
print(len('abc'))
del len
print(len('abc'))
def f():
    print = lambda *a: None
    print('invisible')
    return 'f done'
print(f())
max = min
print(max(3, 7))
del max
print(max(3, 7))
def g():
    return sum
sum = 'module sum'
print(g())
del sum
print(g()([1, 2]))
