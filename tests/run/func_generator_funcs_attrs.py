# func: generator/coroutine functions vs plain functions: types and names
def gen():
    yield 1
async def coro():
    return 1
def plain():
    return 1
g = gen()
c = coro()
print(type(g).__name__, type(c).__name__, type(plain()).__name__)
print(g.__name__, g.__qualname__, c.__name__, c.__qualname__)
print(gen.__name__, type(gen).__name__, type(coro).__name__)
c.close()
print(next(g), list(g))
