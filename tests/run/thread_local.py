# _thread._local / threading.local with one thread: attributes in the instance's own
# __dict__, subclasses with __init__ arguments, the errors, weak references.
import _thread, threading, weakref
print(_thread._local, _thread._local.__mro__, sorted(_thread._local.__dict__.keys()))
l=_thread._local()
l.x=1; print(l.__dict__, l.x)
try: _thread._local(1)
except TypeError as e: print(e)
try: _thread._local(a=1)
except TypeError as e: print(e)
class L(_thread._local):
  def __init__(self, a, b=2): self.a=a; self.b=b
o=L(1,b=3); print(o.__dict__, o.a, type(o).__mro__)
try: del o.zz
except AttributeError as e: print(e)
try: o.zz
except AttributeError as e: print(e)
try: l.zz
except AttributeError as e: print(e)
try: l.__dict__ = {}
except AttributeError as e: print(e)
try: o.__dict__ = {}
except AttributeError as e: print(e)
print(repr(l)[:22], weakref.ref(l)() is l)
class M(_thread._local): pass
try: M(1)
except TypeError as e: print(e)
t = threading.local(); t.v = 5; print(t.v, type(t), isinstance(t, _thread._local))
class S(threading.local):
    initialized = False
    def __init__(self, **kw):
        if self.initialized: raise SystemError('__init__ called too many times')
        self.initialized = True
        self.__dict__.update(kw)
    def squared(self): return self.number ** 2
s = S(color='red', number=4)
print(s.color, s.squared(), sorted(s.__dict__.items()))
del s.color
print(hasattr(s, 'color'))
print(sorted(L.__dict__.keys()), vars(o), getattr(l, 'nope', 'dflt'), hasattr(l, 'x'))
import copy
try:
    copy.copy(threading.local())
except TypeError as e:
    print(e)
try:
    setattr(l, 1, 2)
except TypeError as e:
    print(e)
l.__dict__['y'] = 7
print(l.y, sorted(vars(l)))
def worker(data):
    data.n = getattr(data, 'n', 0) + 1
    return data.n
shared = threading.local()
print([worker(shared) for _ in range(3)])
