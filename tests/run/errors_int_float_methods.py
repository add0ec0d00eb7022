# errors: int/float method argument errors
tests = [lambda: (5).to_bytes(), lambda: (5).to_bytes(1, 'big', True), lambda: int.from_bytes('ab', 'big'), lambda: (1.5).hex(1),
         lambda: float.fromhex(1), lambda: (5).bit_length(1), lambda: (5).__round__('a'), lambda: (2.5).__round__(1.5)]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
