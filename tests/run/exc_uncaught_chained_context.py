# exc: uncaught exception raised while handling another shows both with "During handling"
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError(f'cannot parse {s!r}')
parse('abc')
