# class: object base class methods and dir() of a simple class
class P:
    def __init__(self):
        self.a = 1
p = P()
print(object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, 1), object.__hash__(p) == hash(p))
print(p.__reduce_ex__ is not None, object.__sizeof__(p) > 0, p.__format__('') == str(p))
print([n for n in dir(p) if not n.startswith('__')], '__init__' in dir(P), '__class__' in dir(p))
print(object.__getattribute__(p, 'a'), object.__setattr__(p, 'b', 2), p.b)
print(type(object.__init__).__name__, object.__name__, object.__doc__[:20])
print(P.__init__.__qualname__, P.__str__ is object.__str__, P.__repr__ is object.__repr__)
