# class: __int__, __float__, __complex__, __index__ conversions
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
n = Num()
print(int(n), float(n), complex(n))
class OnlyIndex:
    def __index__(self):
        return 4
o = OnlyIndex()
print(int(o), float(o), complex(o))
class OnlyFloat:
    def __float__(self):
        return 3.75
print(float(OnlyFloat()), complex(OnlyFloat()))
try:
    int(OnlyFloat())
except TypeError as e:
    print('TypeError', e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print('TypeError', e)
class BadComplex:
    def __complex__(self):
        return 'no'
try:
    complex(BadComplex())
except TypeError as e:
    print('TypeError', e)
