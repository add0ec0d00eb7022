# dict: fromkeys shares mutable default; copy is shallow
d = dict.fromkeys(['a', 'b'], [])
d['a'].append(1)
print(d)
e = {'l': [1, 2], 'n': 0}
f = e.copy()
f['l'].append(3)
f['n'] = 99
print(e, f)
class MyDict(dict):
    pass
m = MyDict.fromkeys('xy', 0)
print(type(m).__name__, m, type(m.copy()).__name__)
