# exc: uncaught exception with notes prints notes after the message
def check(v):
    if v < 0:
        e = ValueError(f'negative value: {v}')
        e.add_note('values must be non-negative')
        e.add_note('hint: use abs()')
        raise e
check(-5)
