# exc: walking a cause/context chain and summarizing it
def explain(e):
    parts = []
    while e is not None:
        parts.append(f'{type(e).__name__}({e})')
        if e.__cause__ is not None:
            parts.append('<-cause-')
            e = e.__cause__
        elif e.__context__ is not None and not e.__suppress_context__:
            parts.append('<-context-')
            e = e.__context__
        else:
            e = None
    return ' '.join(parts)
def load(key):
    data = {'a': '1', 'b': 'x'}
    try:
        return int(data[key])
    except KeyError as e:
        raise LookupError(f'no key {key}') from e
    except ValueError:
        raise RuntimeError(f'bad value for {key}')
for k in 'abc':
    try:
        print(load(k))
    except Exception as e:
        print(explain(e))
