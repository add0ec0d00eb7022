# exc: raising from within except with finally, and variable scope of exception after handler
def f():
    result = []
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            result.append('handler')
            raise ValueError('converted') from e
        finally:
            result.append('finally')
    except ValueError as v:
        result.append(f'outer {v} cause={type(v.__cause__).__name__}')
    return result
print(f())
