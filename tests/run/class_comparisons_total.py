# class: implementing ordering with __eq__ and __lt__ and deriving others manually
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        return not self <= o
    def __ge__(self, o):
        return not self < o
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
vs = [Version(s) for s in ['1.10', '1.2', '1.2.1', '0.9', '1.2']]
print(sorted(vs), max(vs), min(vs))
print(Version('1.2') == Version('1.2'), Version('1.2') < Version('1.10'), Version('2.0') >= Version('2'), Version('1') > Version('1.0'))
print(len(set(vs)), sorted(set(vs)))
