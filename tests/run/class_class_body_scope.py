# class: class body execution order, class scope not visible in methods
print('before class')
class C:
    print('in class body')
    x = 10
    y = x * 2
    def m(self):
        try:
            return x
        except NameError as e:
            return 'NameError: ' + str(e)
    z = [x for _ in range(2)] if False else None
    print('end of body', y)
print(C.y, C().m())
class D:
    items = ['a', 'b']
    upper = [s.upper() for s in items]
    n = 3
    try:
        bad = [n * i for i in range(2)]
    except NameError as e:
        bad = str(e)
print(D.upper, D.bad)
x = 'module x'
class E:
    x = 'class x'
    def get(self):
        return x
print(E().get())
