# gen: await on custom awaitables, nested coroutines and exceptions through await
class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            yield f'tick{i}'
        return f'slept {self.n}'
async def inner(n):
    r = await Sleep(n)
    return r.upper()
async def outer():
    results = []
    for n in (1, 2):
        results.append(await inner(n))
    try:
        await Failing()
    except ValueError as e:
        results.append('caught ' + str(e))
    return results
class Failing:
    def __await__(self):
        yield 'about to fail'
        raise ValueError('await failed')
co = outer()
steps = []
try:
    while True:
        steps.append(co.send(None))
except StopIteration as e:
    print(steps)
    print(e.value)
class NotAwaitable:
    pass
async def bad():
    await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print('TypeError', e)
class BadAwait:
    def __await__(self):
        return 5
async def bad2():
    await BadAwait()
try:
    bad2().send(None)
except TypeError as e:
    print('TypeError', e)
