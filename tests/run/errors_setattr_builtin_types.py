# errors: cannot set attributes on builtin types and instances
for target, name in [(int, 'x'), (list, 'append'), (str, 'new'), (1, 'real'), ([], 'x'), ('s', 'y'), (None, 'z'), (len, 'q')]:
    try:
        setattr(target, name, 1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del [].append
except AttributeError as e:
    print(type(e).__name__, e)
