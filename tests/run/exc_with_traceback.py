# exc: with_traceback and __traceback__ basics
def fail():
    raise ValueError('deep')
try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lineno)
    saved = e
e2 = RuntimeError('new')
r = e2.with_traceback(saved.__traceback__)
print(r is e2, e2.__traceback__ is saved.__traceback__)
print(ValueError('fresh').__traceback__)
try:
    raise e2.with_traceback(None)
except RuntimeError as e:
    print('lineno', e.__traceback__.tb_lineno)
