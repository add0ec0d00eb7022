# exc: add_note and __notes__
e = ValueError('base')
print(hasattr(e, '__notes__'))
e.add_note('first note')
e.add_note('second note')
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as t:
    print('TypeError', t)
try:
    try:
        raise KeyError('k')
    except KeyError as k:
        k.add_note('context added while handling')
        raise
except KeyError as k:
    print(k.__notes__, str(k))
e2 = Exception()
e2.__notes__ = ['direct']
e2.add_note('appended')
print(e2.__notes__)
