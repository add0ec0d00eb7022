# exc: nested try blocks, exception raised in handler and in finally
def f():
    try:
        try:
            raise ValueError('first')
        except ValueError:
            raise TypeError('second')
        finally:
            print('inner finally')
    except TypeError as e:
        print('caught', e, 'context:', repr(e.__context__))
f()
def g():
    try:
        try:
            raise ValueError('from try')
        finally:
            raise KeyError('from finally')
    except KeyError as e:
        print('finally exc wins', e, repr(e.__context__))
g()
def h():
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise TypeError('b')
        except TypeError:
            pass
        import sys
        print('current exc after nested:', repr(sys.exc_info()[1]))
h()
