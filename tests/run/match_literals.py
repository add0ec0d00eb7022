# match: literal patterns - ints, strings, None, True/False, negative and complex numbers
def m(v):
    match v:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 'hello':
            return 'greeting'
        case b'raw':
            return 'bytes'
        case None:
            return 'none'
        case True:
            return 'true'
        case False:
            return 'false'
        case 1.5:
            return 'one and half'
        case 2j:
            return 'imag'
        case -3 + 4j:
            return 'complex'
        case 'a' 'b':
            return 'concatenated'
        case _:
            return 'other'
for v in [0, 2, -1, 'hello', b'raw', None, True, False, 1.5, 2j, -3 + 4j, 'ab', 1.0, 0.0, 'x', [0]]:
    print(repr(v), m(v))
