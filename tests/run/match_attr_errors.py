# match: class patterns with missing attributes do not match (no AttributeError)
class P:
    def __init__(self):
        self.present = 1
def m(v):
    match v:
        case P(missing=1):
            return 'matched missing'
        case P(present=2):
            return 'present is 2'
        case P(present=p):
            return f'present {p}'
print(m(P()))
class Raises:
    @property
    def boom(self):
        raise ValueError('property error propagates')
try:
    match Raises():
        case Raises(boom=1):
            pass
except ValueError as e:
    print('ValueError', e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print('TypeError', e)
