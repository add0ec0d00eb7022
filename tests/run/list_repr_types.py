# list: repr of lists with mixed element types
print([1, 'a', 2.5, None, True, [1], (2,), {'k': 'v'}, b'x', 1j, {1}, frozenset(), range(2), ''])
print(repr([]), str([[]]), repr(['\n', "'", '"']))
class E:
    def __repr__(self):
        return 'E()'
print([E(), [E()]])
