# gen: throw and close on coroutines suspended at custom awaitables
class Pause:
    def __await__(self):
        try:
            yield 'paused'
        except ValueError as e:
            print('awaitable saw', e)
            raise
        return 'unpaused'
async def co():
    try:
        return await Pause()
    except ValueError:
        return 'co handled'
    finally:
        print('co finally')
c = co()
print(c.send(None))
try:
    c.throw(ValueError('thrown'))
except StopIteration as e:
    print('result', e.value)
c2 = co()
c2.send(None)
c2.close()
print(c2.cr_frame is None)
