# builtins: round with ndigits on ints, floats and custom __round__
print(round(5), round(5, 0), round(5, -1), round(55, -1), round(65, -1), round(-55, -1), round(2 ** 70 + 5, -1))
print(round(0.125, 2), round(0.375, 2), round(1e20, -19), round(1.23456e-5, 7), round(-1.5), round(-2.5), round(2.5000001))
class R:
    def __round__(self, n=None):
        return ('custom', n)
print(round(R()), round(R(), 3))
try:
    round('1.5')
except TypeError as e:
    print('TypeError', e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print('TypeError', e)
