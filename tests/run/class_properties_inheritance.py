# class: overriding properties in subclasses and extending with super()
class Base:
    @property
    def name(self):
        return 'base'
    @property
    def value(self):
        return 10
class Child(Base):
    @property
    def name(self):
        return 'child<' + super().name + '>'
    @Base.value.getter
    def value(self):
        return 20
c = Child()
print(c.name, c.value, Base().value)
class WithSetter(Base):
    _v = 0
    @Base.value.setter
    def value(self, v):
        self._v = v
w = WithSetter()
w.value = 99
print(w.value, w._v)
