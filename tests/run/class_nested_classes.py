# class: nested classes and qualified names
class Outer:
    class Inner:
        class Deepest:
            pass
        def method(self):
            return type(self).__qualname__
    def make(self):
        class Local:
            pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__, Outer.Inner().method())
L = Outer().make()
print(L.__name__, L.__qualname__, L.__module__)
print(Outer.Inner.__name__, repr(Outer.Inner)[:30])
