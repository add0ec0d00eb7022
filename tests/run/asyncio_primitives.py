# asyncio beyond the basics: TaskGroup and except*, timeout(), Event/Lock/Semaphore/
# Condition/Barrier, wait/as_completed/shield, async context managers, aiter/anext,
# Runner and run_until_complete, signal handlers, socket helpers, cancellation messages.
import asyncio, contextlib, sys

async def main():
    out = []
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0.01, 'a'))
        t2 = tg.create_task(asyncio.sleep(0.005, 'b'))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            async def boom(): raise ValueError('x')
            tg.create_task(boom())
            tg.create_task(asyncio.sleep(1))
    except* ValueError as eg:
        print('eg', eg.exceptions)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout ctx')
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.001); ev.set()
    asyncio.create_task(setter())
    await ev.wait(); print('event', ev.is_set())
    lock = asyncio.Lock()
    async with lock: print('locked', lock.locked())
    sem = asyncio.Semaphore(2)
    async def use(i):
        async with sem:
            await asyncio.sleep(0.001); return i
    print(await asyncio.gather(*(use(i) for i in range(5))))
    cond = asyncio.Condition()
    async def waiter():
        async with cond:
            await cond.wait(); return 'woke'
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    async with cond: cond.notify_all()
    print(await w)
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.001, i)) for i in range(3)])
    print(sorted(t.result() for t in done), pending)
    for f in asyncio.as_completed([asyncio.sleep(0.03, 'slow'), asyncio.sleep(0.001, 'fast')]):
        print(await f)
    s = asyncio.shield(asyncio.sleep(0.001, 'shielded')); print(await s)
    @contextlib.asynccontextmanager
    async def acm():
        out.append('enter'); yield 5; out.append('exit')
    async with acm() as v: print('acm', v)
    print(out)
    async def agen():
        for i in range(3): yield i
    it = aiter(agen()); print(await anext(it), await anext(it), await anext(it), await anext(it, 'end'))
    b = asyncio.Barrier(2)
    async def bw(i):
        await b.wait(); return i
    print(await asyncio.gather(bw(1), bw(2)))
    q = asyncio.PriorityQueue()
    for x in [3, 1, 2]: q.put_nowait(x)
    print([q.get_nowait() for _ in range(3)])
    loop = asyncio.get_running_loop()
    print(loop.is_running(), loop.time() > 0, type(loop).__name__)
    t = asyncio.current_task(); print(t.get_name().startswith('Task-'), len(asyncio.all_tasks()))
    await asyncio.sleep(0)
    return 'ok'

print(asyncio.run(main()))
with asyncio.Runner() as runner:
    print(runner.run(asyncio.sleep(0, 'runner')))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(0, 'ruc')))
loop.close()


import os, signal, socket

async def main2():
    # signal handler
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, got.set)
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 1)
    print('signal ok')
    loop.remove_signal_handler(signal.SIGUSR1)
    # sockets
    rs, ws = socket.socketpair()
    rs.setblocking(False); ws.setblocking(False)
    await loop.sock_sendall(ws, b'data')
    print(await loop.sock_recv(rs, 10))
    rs.close(); ws.close()
    # call_at, call_later cancel
    h = loop.call_later(10, print, 'never'); h.cancel(); print(h.cancelled())
    # exception in task not retrieved
    async def fails(): raise KeyError('k')
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    print(t.exception())
    # cancel with message
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel('why')
    try:
        await t
    except asyncio.CancelledError as e:
        print('cancel msg', e.args)
    # debug repr
    f = loop.create_future(); print(repr(f)); f.set_result(1); print(repr(f))
    return 'ok'

print(asyncio.run(main(), debug=False))
