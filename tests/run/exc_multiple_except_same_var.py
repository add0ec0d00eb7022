# exc: multiple except clauses binding the same name; exception objects kept after handler via other names
saved = []
for exc in (ValueError('a'), TypeError('b'), KeyError('c')):
    try:
        raise exc
    except ValueError as err:
        saved.append(('V', err))
    except TypeError as err:
        saved.append(('T', err))
    except Exception as err:
        saved.append(('E', err))
print([(t, str(e)) for t, e in saved])
print('err' in dir())
