# class: __init__ must return None; errors raised in __init__ propagate
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print('TypeError', e)
class Fails:
    def __init__(self, v):
        if v < 0:
            raise ValueError('negative')
        self.v = v
print(Fails(1).v)
try:
    Fails(-1)
except ValueError as e:
    print('ValueError', e)
