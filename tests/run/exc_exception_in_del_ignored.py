# exc: __del__ runs on deletion; exceptions handled inside __del__ do not escape
class D:
    def __del__(self):
        print('in __del__')
d = D()
del d
print('after del')
class Quiet:
    def __del__(self):
        try:
            raise ValueError('handled inside del')
        except ValueError as e:
            print('handled', e)
q = Quiet()
q = None
print('end')
