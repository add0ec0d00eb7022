# builtins: next on various iterator types
its = [iter([1, 2]), iter((3,)), iter('xy'), iter({'k': 1}), iter({'k': 1}.values()), iter({'k': 1}.items()), iter(range(2)),
       iter(b'ab'), iter(bytearray(b'z')), enumerate('q'), zip('a', 'b'), map(str, [1]), filter(None, [0, 5]), reversed([7, 8]), (x for x in [9])]
for it in its:
    print(type(it).__name__, next(it), next(it, 'END'))
