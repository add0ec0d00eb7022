# errors: ZeroDivisionError messages for int/float/complex with / // % and divmod
for expr in ['5 / 0', '5 // 0', '5 % 0', 'divmod(5, 0)', '5.0 / 0', '5.0 // 0.0', '5.0 % 0', 'divmod(5.0, 0)', '5 / 0.0',
             '(1+1j) / 0', '0 ** -1', '2 ** -1 % 0', '10 ** 100 % 0', '-7 // 0']:
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, '->', type(e).__name__, e)
