# scope: global and nonlocal statements inside class bodies
counter = 0
class A:
    global counter
    counter += 1
    value = counter
print(A.value, counter)
def f():
    n = 'enclosing'
    class B:
        nonlocal n
        n = 'set by class body'
    return n
print(f())
