# scope: closures capture variables, not values; cells shared among closures
def make():
    funcs = {}
    x = 0
    def get():
        return x
    def setv(v):
        nonlocal x
        x = v
    funcs['get'], funcs['set'] = get, setv
    return funcs
f = make()
print(f['get']())
f['set'](42)
print(f['get']())
g = make()
print(g['get'](), f['get']())
def loop_cells():
    out = []
    for i in range(3):
        def h(i=i):
            return i
        out.append(h)
    return [fn() for fn in out]
print(loop_cells())
