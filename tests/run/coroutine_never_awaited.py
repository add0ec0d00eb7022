# A coroutine that dies without having been started gets "coroutine '...' was never
# awaited" (RuntimeWarning, at the line running when it dies); closed, started or
# generator-based ones do not; cr_origin is None without origin tracking.
import types
import warnings


async def job(x):
    return x


@types.coroutine
def legacy():
    yield


class Holder:
    async def method(self):
        pass


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    c = job(1)
    print(c.cr_origin)
    del c
    c = job(2)
    c.close()
    del c
    c = job(3)
    try:
        c.send(None)
    except StopIteration as e:
        print('returned', e.value)
    del c
    g = legacy()
    del g
    m = Holder().method()
    m = None
    [job(i) for i in range(2)]
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno, w.filename.endswith('coroutine_never_awaited.py'))
