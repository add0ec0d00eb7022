# class: __dict__, __class__, type(), vars() of instances and classes
class A:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
a = A()
print(a.__dict__, vars(a), a.__class__ is A, type(a) is A, A.__class__ is type)
a.__dict__['dyn'] = 3
print(a.dyn, sorted(vars(a)))
print(type(A.__dict__).__name__, 'cls_attr' in A.__dict__, A.__dict__['cls_attr'])
try:
    A.__dict__['x'] = 1
except TypeError as e:
    print('TypeError', e)
class B:
    pass
a.__class__ = B
print(type(a).__name__, isinstance(a, A), a.inst)
print(A.__bases__, B.__base__, object.__bases__, type.__bases__, A.__mro__)
