# errors: bad operand types for unary operators and abs
for v in ['s', [1], None, {}, (1,), b'x', 1.5]:
    for op in ['-', '+', '~']:
        try:
            eval(f'{op}v')
        except TypeError as e:
            print(type(e).__name__, e)
try:
    abs(None)
except TypeError as e:
    print(type(e).__name__, e)
