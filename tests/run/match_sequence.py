# match: sequence patterns with fixed length, star captures and nested sequences
def m(v):
    match v:
        case []:
            return 'empty'
        case [x]:
            return f'one: {x}'
        case [x, y]:
            return f'two: {x},{y}'
        case [first, *middle, last] if len(middle) > 2:
            return f'long: {first}..{last} middle={middle}'
        case [0, *rest]:
            return f'starts with 0, rest={rest}'
        case [*init, 'end']:
            return f'ends with end, init={init}'
        case (a, b, c):
            return f'three: {a}{b}{c}'
        case _:
            return 'other'
for v in [[], [1], (1, 2), [1, 2, 3, 4, 5, 6], [0, 9, 8, 7], ['a', 'b', 'end'], (7, 8, 9), [1, 2, 3, 4], 'abc', range(3), {1: 2}]:
    print(repr(v), '->', m(v))
def nested(v):
    match v:
        case [(x1, y1), (x2, y2)]:
            return (x2 - x1, y2 - y1)
        case [[*inner]]:
            return f'single nested list of {len(inner)}'
    return 'no match'
print(nested([(0, 0), (3, 4)]), nested([[1, 2, 3]]), nested([1]))
