async def f(a, b):
    async with a as x, b:
        await x
        async for i in b:
            if i:
                break
            print(i)
        else:
            return 1
    async for j in a:
        async with j:
            continue
    return [await q for q in (1, 2)]


async def g(a):
    x = [i async for i in a if i]
    y = {k: v async for k in a for v in k}
    return x, y, (z async for z in a)
