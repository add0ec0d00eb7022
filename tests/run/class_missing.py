# class: __missing__ only used by dict subclasses on [] lookup
class D(dict):
    def __missing__(self, key):
        print('missing', key)
        return len(str(key))
d = D(a=1)
print(d['a'], d['hello'], d.get('hello'), 'hello' in d)
class NoMissing(dict):
    pass
try:
    NoMissing()['x']
except KeyError as e:
    print('KeyError', e)
class RaisingMissing(dict):
    def __missing__(self, key):
        raise LookupError(f'no {key}')
try:
    RaisingMissing()['k']
except LookupError as e:
    print(type(e).__name__, e)
