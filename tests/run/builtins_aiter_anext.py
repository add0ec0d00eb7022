# builtins: aiter() and anext() with and without default, driven manually
class Tick:
    def __await__(self):
        yield
async def agen():
    for i in range(2):
        await Tick()
        yield i
async def main():
    it = aiter(agen())
    a = await anext(it)
    b = await anext(it)
    c = await anext(it, 'default')
    try:
        await anext(it)
    except StopAsyncIteration:
        d = 'StopAsyncIteration'
    return a, b, c, d
def drive(co):
    try:
        while True:
            co.send(None)
    except StopIteration as e:
        return e.value
print(drive(main()))
try:
    aiter([1])
except TypeError as e:
    print('TypeError', e)
try:
    anext(iter([1]))
except TypeError as e:
    print('TypeError', e)
