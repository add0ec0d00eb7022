# exc: default values of __cause__, __context__, __suppress_context__, __traceback__
e = ValueError('x')
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = None
print(e.__suppress_context__)
try:
    e.__cause__ = 'bad'
except TypeError as t:
    print('TypeError', t)
try:
    e.__context__ = 5
except TypeError as t:
    print('TypeError', t)
e.__suppress_context__ = True
print(e.__suppress_context__)
print(sorted(n for n in dir(e) if not n.startswith('_')))
