# exc: raise ... from None suppresses the context in the traceback
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError('clean error') from None
