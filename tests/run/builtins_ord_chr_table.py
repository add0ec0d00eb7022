# builtins: build a small ASCII table with chr/ord/hex/format
for start in range(32, 127, 16):
    row = ''.join(chr(c) for c in range(start, min(start + 16, 127)))
    print(f'{start:3d} {hex(start):>5} {row!r}')
