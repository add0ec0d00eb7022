# str: center/ljust/rjust odd padding rules and format of unicode widths
for w in range(0, 9):
    print(repr('ab'.center(w, '.')), repr('abc'.center(w, '.')), repr(format('ab', f'^{w}' if w else '')))
print('日本'.center(6, '-'), '日本'.ljust(4, '!'), f'{"é":_>4}')
