# exc: except clause matching with tuples, base classes and order
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-specific ' + type(e).__name__
    except LookupError as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError:
        return 'arith'
    except Exception as e:
        return 'generic ' + type(e).__name__
for exc in [KeyError('k'), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(), ValueError(), UnicodeDecodeError('utf-8', b'', 0, 1, 'r')]:
    print(classify(exc))
try:
    try:
        raise ValueError('v')
    except TypeError:
        print('no')
except ValueError as e:
    print('outer', e)
excs = (ValueError, TypeError)
try:
    raise TypeError('dyn')
except excs as e:
    print('dynamic tuple', e)
try:
    try:
        raise ValueError
    except 'not a class':
        pass
except TypeError as e:
    print('TypeError', e)
