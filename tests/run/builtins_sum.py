# builtins: sum with start values and different element types
print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum([1j, 2]))
print(sum([[1], [2], [3]], []), sum([(1,), (2,)], ()), sum(x * x for x in range(5)), sum([True, True, False]))
print(sum([1, 2], start=5))
for bad in [lambda: sum(['a', 'b'], ''), lambda: sum([b'a'], b''), lambda: sum(['a']), lambda: sum([bytearray()], bytearray())]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(sum([10 ** 20, 1, -10 ** 20]), sum([1e100, 1, -1e100]))
