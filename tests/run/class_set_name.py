# class: __set_name__ on descriptors during class creation
class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
        self.private = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, 'unset')
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    x = Field()
    y = Field()
m = Model()
print(m.x)
m.x = 10
print(m.x, m.y, m._x, Model.x.name)
class Late:
    pass
f = Field()
Late.z = f
print(hasattr(f, 'name'))
