# dict: subclass overriding __getitem__/__setitem__ (not used by all dict methods)
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
d = Lower()
d['ABC'] = 1
d['Def'] = 2
print(d, d['abc'], d['DEF'], 'aBc' in d, d.get('ABC'))
d2 = Lower({'MiXeD': 1})
print(d2, 'mixed' in d2)
d2.update(X=5)
print(d2)
print(repr(d), len(d), isinstance(d, dict))
class Logging(dict):
    def __repr__(self):
        return 'Logging(' + super().__repr__() + ')'
print(Logging(a=1), [Logging()])
