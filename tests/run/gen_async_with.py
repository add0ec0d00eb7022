# gen: async with driven by a manual loop; __aenter__/__aexit__ and suppression
class Tick:
    def __await__(self):
        yield 'tick'
class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print('aenter', self.name)
        await Tick()
        return self.name + '!'
    async def __aexit__(self, et, ev, tb):
        print('aexit', self.name, et.__name__ if et else None)
        await Tick()
        return self.suppress
async def main():
    async with ACM('one') as v:
        print('body', v)
    async with ACM('two', suppress=True):
        raise ValueError('hidden')
    try:
        async with ACM('three'):
            raise KeyError('visible')
    except KeyError as e:
        print('caught', e)
    return 'main done'
def drive(c):
    n = 0
    try:
        while True:
            c.send(None)
            n += 1
    except StopIteration as e:
        return n, e.value
print(drive(main()))
