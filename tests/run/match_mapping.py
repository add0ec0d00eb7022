# match: mapping patterns with **rest, nested values and extra keys
def m(v):
    match v:
        case {'type': 'point', 'x': x, 'y': y}:
            return f'point({x},{y})'
        case {'type': 'circle', 'r': r, **rest}:
            return f'circle r={r} extra={sorted(rest.items())}'
        case {'items': [first, *_]}:
            return f'first item {first}'
        case {}:
            return 'some mapping'
        case _:
            return 'not a mapping'
tests = [{'type': 'point', 'x': 1, 'y': 2, 'z': 3}, {'type': 'circle', 'r': 5}, {'type': 'circle', 'r': 1, 'color': 'red', 'a': 0},
         {'items': [9, 8]}, {'items': []}, {}, [], 'str', {'type': 'point', 'x': 1}]
for t in tests:
    print(m(t))
class MyMap(dict):
    pass
print(m(MyMap(type='point', x=0, y=0)))
