# func: generator of closures vs list of closures
def gen_closures():
    for i in range(3):
        yield lambda: i
print([f() for f in gen_closures()])
print([f() for f in list(gen_closures())])
