# gen: await inside comprehensions and async generator expressions within coroutines
class Val:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield
        return self.v
async def agen(n):
    for i in range(n):
        yield i
async def main():
    a = [await Val(i * 2) for i in range(3)]
    b = {k: await Val(k) async for k in agen(3)}
    c = {await Val(x) for x in 'ab'}
    g = (x * 3 async for x in agen(3))
    d = [y async for y in g]
    return a, b, sorted(c), d, type(g).__name__
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
print(drive(main()))
