# class: __round__, __trunc__, __floor__, __ceil__ hooks
class Money:
    def __init__(self, v):
        self.v = v
    def __round__(self, n=None):
        return f'round({n})'
    def __trunc__(self):
        return 'trunc'
    def __floor__(self):
        return 'floor'
    def __ceil__(self):
        return 'ceil'
m = Money(2.5)
print(round(m), round(m, 2), round(m, ndigits=None))
print(Money.__trunc__(m), Money.__floor__(m), Money.__ceil__(m))
class NoRound:
    pass
try:
    round(NoRound())
except TypeError as e:
    print('TypeError', e)
print(round(2.675, 2), (2.5).__round__(), (7).__round__(-1), (3.7).__trunc__(), (-3.7).__floor__(), (-3.2).__ceil__())
