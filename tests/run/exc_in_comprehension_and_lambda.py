# exc: exceptions raised from comprehensions, lambdas and nested calls are catchable
def safe(fn):
    try:
        return fn()
    except Exception as e:
        return f'{type(e).__name__}: {e}'
print(safe(lambda: [1 // x for x in [1, 0]]))
print(safe(lambda: {k: v for k, v in [(1, 2), (3,)]}))
print(safe(lambda: sorted([3, 'a'])))
print(safe(lambda: (lambda: undefined_name)()))
print(safe(lambda: [].pop()))
print(safe(lambda: max([])))
print(safe(lambda: int('12x')))
