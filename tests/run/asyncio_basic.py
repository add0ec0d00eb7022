# asyncio: run, sleep, gather, create_task, a Queue, wait_for timeouts, cancellation,
# contextvars inside tasks, call_soon/call_later, async generators.
import asyncio
import contextvars

var = contextvars.ContextVar('var', default='unset')


async def worker(n, q):
    await asyncio.sleep(0.001 * n)
    await q.put(n)
    return n * 2


async def reader(tag):
    var.set(tag)
    await asyncio.sleep(0)
    return var.get()


async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue()
    res = await asyncio.gather(*(worker(i, q) for i in range(4)))
    got = [await q.get() for _ in range(4)]
    print(res, got, q.empty())
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print('timeout')
    t = asyncio.create_task(worker(1, q))
    print(await t, t.done(), t.result())
    slow = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print('cancelled', slow.cancelled())
    print(await asyncio.gather(reader('a'), reader('b')), var.get())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'soon')
    print(await fut)
    order = []
    loop.call_later(0.002, order.append, 'later')
    loop.call_soon(order.append, 'soon')
    await asyncio.sleep(0.01)
    print(order)
    print([x async for x in agen(3)])
    results = await asyncio.gather(asyncio.sleep(0, 'x'), worker(0, q), return_exceptions=True)
    print(results)

    async def fails():
        raise ValueError('bad')
    print(await asyncio.gather(fails(), return_exceptions=True))
    return 'done'


print(asyncio.run(main()))
