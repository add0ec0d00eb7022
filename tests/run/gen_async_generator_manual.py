# gen: driving an async generator manually via __anext__, asend and aclose
async def agen():
    try:
        x = yield 1
        print('got', x)
        yield 2
    finally:
        print('agen finally')
def step(aw):
    try:
        aw.send(None)
        return 'suspended'
    except StopIteration as e:
        return ('value', e.value)
    except StopAsyncIteration:
        return 'StopAsyncIteration'
g = agen()
print(type(g).__name__, g.__name__)
print(step(g.__anext__()))
print(step(g.asend('hello')))
print(step(g.aclose()))
print(step(g.__anext__()))
g2 = agen()
print(step(g2.__anext__()))
print(step(g2.__anext__()))
print(step(g2.__anext__()))
