# class: __contains__ and fallbacks
class Evens:
    def __contains__(self, x):
        print('contains', x)
        return x % 2 == 0
e = Evens()
print(4 in e, 3 in e, 3 not in e)
class Truthy:
    def __contains__(self, x):
        return 'nonempty'
print(1 in Truthy())
class IterOnly:
    def __iter__(self):
        print('iter')
        return iter([1, 2, 3])
print(2 in IterOnly(), 9 in IterOnly())
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print('TypeError', e)
