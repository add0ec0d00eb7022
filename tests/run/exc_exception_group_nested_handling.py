# exc: except* with nested groups and re-raising unmatched parts
def f():
    raise ExceptionGroup('outer', [ValueError('v'), ExceptionGroup('inner', [TypeError('t'), ValueError('v2')])])
try:
    f()
except* ValueError as eg:
    print('value group:', repr(eg))
except* TypeError as eg:
    print('type group:', repr(eg))
try:
    try:
        f()
    except* TypeError:
        print('only types handled')
except* ValueError as eg:
    print('outer handler got:', repr(eg))
try:
    raise ExceptionGroup('g', [OSError(2, 'missing')])
except* FileNotFoundError as eg:
    print('specific subclass matched', type(eg.exceptions[0]).__name__)
