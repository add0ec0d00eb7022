# match: sequence patterns on tuples, lists, ranges, deque-like classes and custom Sequence-free types
class FakeSeq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return [1, 2][i]
def m(v):
    match v:
        case [a, b]:
            return f'two items {a} {b}'
        case _:
            return 'not matched'
for v in [(1, 2), [3, 4], range(2), FakeSeq(), 'ab', (x for x in [1, 2])]:
    print(type(v).__name__, m(v))
