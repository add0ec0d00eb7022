# builtins: len of many containers and objects
print(len(''), len('abc'), len('😀'), len(b'ab'), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 2}), len(range(10)), len(range(0, 10, 3)))
print(len(range(10, 0, -2)), len(bytearray(5)), len(memoryview(b'abc')), len(frozenset('aab')), len({}.keys()), len({'a': 1}.items()))
class L:
    def __len__(self):
        return 42
print(len(L()))
for bad in [5, None, iter([]), len]:
    try:
        len(bad)
    except TypeError as e:
        print('TypeError', e)
