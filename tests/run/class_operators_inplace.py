# class: in-place operators, fallback to binary op, and identity of result
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return Acc(self.v + o)
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return Acc(self.v - o)
    def __imul__(self, o):
        self.v *= o
        return self
    def __ior__(self, o):
        print('ior')
        return self
a = Acc(1)
orig = a
a += 5
print(a.v, a is orig)
a -= 2
print(a.v, a is orig)
b = a
b *= 10
print(a.v, b is a)
a |= 0
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
o2 = o
o += 1
print(o.v, o2.v, o is o2)
for op in ['<<=', '>>=', '&=', '^=', '//=', '/=', '%=', '**=', '@=']:
    x = Acc(1)
    try:
        exec(f'x {op} 1')
    except TypeError as e:
        print('TypeError', e)
