# gen: async for over custom async iterators and async generators, driven manually
class Tick:
    def __await__(self):
        yield
class ACount:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
async def main():
    out = []
    async for x in ACount(3):
        out.append(x)
    async for y in agen(3):
        out.append(y)
    out.append([z async for z in agen(2)])
    out.append([w async for w in ACount(4) if w % 2 == 0])
    return out
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
print(drive(main()))
