# gen: async generator athrow and return value restrictions
async def agen():
    try:
        yield 'a'
    except ValueError as e:
        yield f'handled {e}'
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'end'
g = agen()
print(run(g.__anext__()))
print(run(g.athrow(ValueError('v'))))
print(run(g.__anext__()))
g2 = agen()
try:
    run(g2.athrow(KeyError('k')))
except KeyError as e:
    print('KeyError', e)
