# exc: try/except/else/finally execution order in all combinations
def run(raise_it):
    log = []
    try:
        log.append('try')
        if raise_it:
            raise ValueError('x')
        log.append('try-end')
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(run(False))
print(run(True))
def only_finally():
    try:
        return 'ret'
    finally:
        print('finally before return')
print(only_finally())
try:
    try:
        raise KeyError('inner')
    finally:
        print('inner finally')
except KeyError as e:
    print('outer caught', e)
try:
    pass
except Exception:
    print('never')
else:
    print('else without exception')
def else_raises():
    try:
        pass
    except ValueError:
        return 'except'
    else:
        raise ValueError('from else')
try:
    else_raises()
except ValueError as e:
    print('else exception not caught by same try:', e)
