# gen: coroutine attributes cr_running, cr_await, and awaiting a coroutine twice
class Step:
    def __await__(self):
        yield 'step'
async def a():
    await Step()
    return 1
c = a()
print(c.cr_running, c.cr_await is None)
c.send(None)
print(c.cr_await is not None, type(c.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print('value', e.value)
async def twice():
    inner = a()
    r1 = await inner
    try:
        await inner
    except RuntimeError as e:
        return r1, str(e)
t = twice()
t.send(None)
try:
    t.send(None)
except StopIteration as e:
    print(e.value)
