# basics: float class methods and dunder access
print(float.fromhex('0x1p4'), (16.0).hex(), float.__add__(1.0, 2.0), (2.0).__pow__(3))
print((7.5).__divmod__(2), (7.5).__rdivmod__(20), (1.0).__neg__(), (-1.0).__abs__())
print((3.7).__int__(), (3.7).__float__(), (3.7).__bool__(), (0.0).__bool__())
print(float.__eq__(1.0, 1), float.__lt__(1.0, 'a'), (1.5).__format__('.3f'))
print(float.__new__(float, '2.5'), type(float.__new__(float)))
class MyFloat(float):
    pass
m = MyFloat(2.5)
print(m, m + 1, type(m + 1).__name__, type(m).__name__, isinstance(m, float), repr(m))
