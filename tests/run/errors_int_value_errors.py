# errors: ValueError for int/float conversions and numeric domain errors
tests = [lambda: int('x'), lambda: int('1.0'), lambda: int(''), lambda: int('0x10'), lambda: int('10', 2), lambda: float('1,5'),
         lambda: int(' '), lambda: complex('1+2'), lambda: int('5', 1), lambda: (-8) ** 0.5 and int('q'), lambda: float('nan').__int__(),
         lambda: int(float('inf')), lambda: (10).to_bytes(0, 'big'), lambda: int.from_bytes(b'x', 'middle')]
for t in tests:
    try:
        t()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
