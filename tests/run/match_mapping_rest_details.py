# match: mapping patterns use .get/keys semantics; **rest excludes matched keys; duplicate detection
class Tracking(dict):
    def get(self, key, default=None):
        print('get', key)
        return super().get(key, default)
def m(v):
    match v:
        case {'a': 1, **rest}:
            return ('a1', rest)
        case {'a': _, 'b': b}:
            return ('ab', b)
    return None
print(m({'a': 1, 'c': 3, 'd': 4}))
print(m({'a': 2, 'b': 'bee'}))
print(m({'b': 1}))
print(m(Tracking(a=5, b=6)))
class Missing(dict):
    def __missing__(self, key):
        return 'from missing'
print(m(Missing(b=1)))
