# str: splitlines boundaries and split with maxsplit edge cases
s = 'a\rb\r\nc\n\nd\x0ce\x1df\x1eg\x85h'
print(s.splitlines())
print(s.splitlines(keepends=True))
print('a b c d'.split(maxsplit=2), 'a b c d'.rsplit(maxsplit=2), 'a b'.split(' ', -1), '  '.split(' '), ' x '.split())
print('1,2,3'.split(sep=',', maxsplit=1), '\u3000a\u2003b'.split())
