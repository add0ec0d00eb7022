# builtins: bin, oct, hex for ints and __index__ objects
for n in [0, 1, -1, 7, -8, 255, 256, 2 ** 64, -(2 ** 33)]:
    print(n, bin(n), oct(n), hex(n))
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
for bad in [1.5, '1', None]:
    try:
        hex(bad)
    except TypeError as e:
        print('TypeError', e)
