# str: join over various iterables
print('-'.join(('a', 'b')), '-'.join({'k1': 1, 'k2': 2}), '-'.join(c for c in 'xyz'), '-'.join(sorted({'q', 'p'})))
print('/'.join(map(str, range(5))), ''.join(reversed('stressed')), '\n'.join(['l1', 'l2']))
class It:
    def __iter__(self):
        return iter(['i', 't'])
print('+'.join(It()))
try:
    ''.join(5)
except TypeError as e:
    print('TypeError', e)
try:
    ''.join([b'a'])
except TypeError as e:
    print('TypeError', e)
