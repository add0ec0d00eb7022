# gen: tiny hand-written round-robin event loop running coroutines
class Yield:
    def __await__(self):
        yield
def run(coros):
    queue = [(name, c) for name, c in coros]
    results = {}
    while queue:
        name, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((name, c))
        except StopIteration as e:
            results[name] = e.value
    return results
log = []
async def worker(name, n):
    total = 0
    for i in range(n):
        log.append(f'{name}{i}')
        total += i
        await Yield()
    return total
res = run([('a', worker('a', 3)), ('b', worker('b', 1)), ('c', worker('c', 2))])
print(log)
print(sorted(res.items()))
