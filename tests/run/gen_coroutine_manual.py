# gen: async def coroutines driven manually with send(None)
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        print('awaiting', self.v)
        got = yield ('suspend', self.v)
        print('resumed with', got)
        return self.v * 2
async def work():
    a = await Ready(1)
    b = await Ready(10)
    return a + b
c = work()
print(type(c).__name__)
print(c.send(None))
print(c.send('first'))
try:
    c.send('second')
except StopIteration as e:
    print('result', e.value)
async def nothing():
    return 'immediate'
n = nothing()
try:
    n.send(None)
except StopIteration as e:
    print(e.value)
try:
    n.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
