# exc: ExceptionGroup construction, subgroup, split, derive
eg = ExceptionGroup('many', [ValueError('v1'), TypeError('t1'), ExceptionGroup('inner', [ValueError('v2'), KeyError('k')])])
print(eg, repr(eg.message), len(eg.exceptions), type(eg).__name__)
print(repr(eg.exceptions[0]), str(eg.exceptions[2]))
sub = eg.subgroup(ValueError)
print(repr(sub))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
print(eg.subgroup(OSError))
b = BaseExceptionGroup('base', [ValueError(1)])
print(type(b).__name__)
b2 = BaseExceptionGroup('base2', [KeyboardInterrupt()])
print(type(b2).__name__)
for bad in [lambda: ExceptionGroup('x', []), lambda: ExceptionGroup('x', [1]), lambda: ExceptionGroup('x', [KeyboardInterrupt()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
