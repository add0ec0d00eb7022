# exc: implicit chaining via __context__ and explicit via __cause__
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during handling')
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError as k:
        raise RuntimeError('explicit') from k
except RuntimeError as e:
    print(repr(e.__cause__), e.__cause__ is e.__context__, e.__suppress_context__)
try:
    try:
        int('x')
    except ValueError:
        raise TypeError('hidden context') from None
except TypeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e = ValueError('manual')
e.__cause__ = KeyError('c')
print(e.__suppress_context__, repr(e.__cause__))
try:
    raise ValueError from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError('x') from 5
except TypeError as e:
    print('TypeError', e)
