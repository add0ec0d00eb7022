# sys.get_asyncgen_hooks/set_asyncgen_hooks: the struct sequence, argument errors, firstiter
# at the first iteration, the finalizer for a suspended async generator that dies, and
# asyncio closing unfinished async generators (shutdown_asyncgens, the finalizer hook).
import sys, gc
h=sys.get_asyncgen_hooks(); print(h, type(h), type(h).__module__, h.firstiter, len(h), h[1], type(h).n_fields)
for call in [lambda: sys.set_asyncgen_hooks(1), lambda: sys.set_asyncgen_hooks(finalizer=1), lambda: sys.set_asyncgen_hooks(print, print, print), lambda: sys.set_asyncgen_hooks(foo=print), lambda: sys.get_asyncgen_hooks(1), lambda: sys.set_asyncgen_hooks(print, firstiter=print)]:
    try: call()
    except TypeError as e: print(e)
sys.set_asyncgen_hooks(print); print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(finalizer=len); print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, None); print(sys.get_asyncgen_hooks())
print(sys.set_asyncgen_hooks())
log = []
def firstiter(g): log.append(('first', g.__name__))
def finalizer(g): log.append(('final', g.__name__)); final.append(g)
final = []
sys.set_asyncgen_hooks(firstiter, finalizer)
async def agen(n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append(('finally', n))
def run(aw):
    try:
        while True: aw.send(None)
    except StopIteration as e:
        return e.value
g = agen(3)
print(log)
print(run(g.__anext__()), log)
print(run(g.__anext__()), log)
del g
gc.collect()
print(log)
g2 = final.pop()
print(type(g2).__name__, g2.ag_frame is not None)
try: run(g2.aclose())
except StopIteration: pass
print(log)
g3 = agen(1)
print(run(g3.__anext__()))
try: run(g3.__anext__())
except StopAsyncIteration: print('exhausted')
del g3
print(log)
def bad_first(g): raise ValueError('nope')
sys.set_asyncgen_hooks(firstiter=bad_first, finalizer=None)
g4 = agen(2)
try: g4.__anext__()
except ValueError as e: print('firstiter error', e)
print(run(g4.__anext__()))
del g4
print(log)
sys.set_asyncgen_hooks(None, None)
import asyncio


async def ticker(tag, out):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        out.append(('closed', tag))


async def main(out):
    loop = asyncio.get_running_loop()
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter.__name__, hooks.finalizer.__name__)
    kept = ticker('kept', out)
    print(await kept.__anext__(), await kept.__anext__())
    dropped = ticker('dropped', out)
    print(await dropped.__anext__(), len(loop._asyncgens))
    del dropped
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    out.append('main done')
    return kept


out = []
keep = asyncio.run(main(out))
print(out, sys.get_asyncgen_hooks())
