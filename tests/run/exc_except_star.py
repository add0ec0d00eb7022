# exc: except* handling of ExceptionGroups
def raiser():
    raise ExceptionGroup('grp', [ValueError('a'), TypeError('b'), ValueError('c'), KeyError('d')])
try:
    raiser()
except* ValueError as g:
    print('ValueErrors:', [str(e) for e in g.exceptions])
except* TypeError as g:
    print('TypeErrors:', repr(g))
except* KeyError:
    print('KeyError handled')
try:
    try:
        raiser()
    except* ValueError:
        print('handled values only')
except ExceptionGroup as rest:
    print('unhandled rest:', repr(rest))
try:
    raise ValueError('naked')
except* ValueError as g:
    print('naked wrapped:', repr(g))
try:
    try:
        raise ExceptionGroup('g', [ValueError('x')])
    except* ValueError:
        raise KeyError('new')
except ExceptionGroup as e:
    print('new exception group:', repr(e))
except KeyError as e:
    print('KeyError', e)
