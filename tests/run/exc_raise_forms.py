# exc: raise with class, instance, bare re-raise, and raising non-exceptions
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError('a', 1)
except ValueError as e:
    print(repr(e), str(e), e.args)
def reraise():
    try:
        raise KeyError('orig')
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    print('re-raised', e)
try:
    raise 5
except TypeError as e:
    print('TypeError', e)
try:
    raise int
except TypeError as e:
    print('TypeError', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print('TypeError', e)
try:
    raise Exception()
except Exception as e:
    print(repr(e), repr(str(e)))
