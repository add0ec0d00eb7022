# builtins: bool() and callable()
print(bool(), bool(0), bool(1), bool(''), bool('0'), bool([]), bool([[]]), bool(0.0), bool(-0.0), bool(float('nan')), bool(0j))
class Obj:
    def method(self):
        pass
print(callable(len), callable(Obj), callable(Obj()), callable(Obj().method), callable(lambda: 0), callable(1), callable('s'), callable(None))
class CallMe:
    def __call__(self):
        pass
print(callable(CallMe()), callable(CallMe), callable(type), callable(print))
