# dict: __missing__ in subclasses and KeyError details
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = Default(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d, 'c' in d, d.get('c'), len(d))
class Counter(dict):
    def __missing__(self, k):
        return 0
c = Counter()
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c['zzz'], 'zzz' in c)
try:
    {}['nokey']
except KeyError as e:
    print('KeyError', e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print('KeyError', e, e.args)
try:
    {}['']
except KeyError as e:
    print('KeyError', e)
