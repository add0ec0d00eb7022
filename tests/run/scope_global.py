# scope: global declarations, reading vs assigning globals
g = 1
def read():
    return g
def assign_local():
    g = 2
    return g
def assign_global():
    global g
    g = 3
    return g
print(read(), assign_local(), g, assign_global(), g, read())
def declare_new():
    global brand_new
    brand_new = 'created'
declare_new()
print(brand_new)
def multiple():
    global a1, a2
    a1, a2 = 'x', 'y'
multiple()
print(a1, a2)
def global_in_nested():
    def inner():
        global g
        g = 'from inner'
    inner()
global_in_nested()
print(g)
