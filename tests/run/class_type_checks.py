# class: isinstance/issubclass with tuples, abstract-like __instancecheck__ via metaclass
class Meta(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, 'quack')
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')
class Duck(metaclass=Meta):
    pass
class Mallard:
    def quack(self):
        pass
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck), issubclass(int, Duck))
print(isinstance(1, (str, (float, int))), issubclass(bool, (str, int)), isinstance([], ()))
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError', e)
print(isinstance(int, type), isinstance(type, object), isinstance(object, type), issubclass(type, object))
