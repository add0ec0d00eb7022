# errors: unsupported operand types for binary operators
pairs = [(1, 'a', '+'), ('a', 1, '-'), ([], {}, '+'), (None, 1, '*'), (1.5, 'x', '/'), ({}, {}, '-'), ((), [], '+'),
         (1, None, '//'), ('a', 'b', '%') if False else (b'a', 'b', '+'), (set(), [], '|'), (1, [], '&'), (3j, 1, '%'), ('s', 2, '**'),
         ([1], 2, '-'), (object, 1, '+'), (1, 2.0, '<<'), ({1}, 1, '^'), ([], [], '@')]
for a, b, op in pairs:
    try:
        eval(f'a {op} b')
    except TypeError as e:
        print(type(e).__name__, e)
