# exc: exceptions as ordinary objects - stored, compared, raised later, subclass checks
errors = [ValueError('v'), KeyError('k'), ZeroDivisionError('z')]
caught = []
for err in errors:
    try:
        raise err
    except Exception as e:
        caught.append(e is err)
print(caught)
e = TypeError('reuse')
for _ in range(2):
    try:
        raise e
    except TypeError as got:
        print(got is e, got.__traceback__ is not None)
print(isinstance(ValueError(), Exception), type(ValueError()) is ValueError, ValueError.__name__)
