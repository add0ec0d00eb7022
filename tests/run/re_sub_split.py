import re

# sub with literal and template replacements
print(re.sub(r'\d', '#', 'a1b22c333'))
print(re.sub(r'\d+', '#', 'a1b22c333', 2), re.sub(r'\d+', '#', 'a1b22c333', count=1))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@example, x@y'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>|\g<1>|\g<0>>', 'ab cd'))
print(re.sub(r'(a)(b)?', r'[\2\1]', 'a ab'))
print(re.sub(r'a', r'\n\t\\', 'xax'), repr(re.sub(r'a', '\\\\', 'a')))
print(re.sub(r'a', r'\0', 'a'), re.sub(r'a', r'\07', 'a') == '\x07', re.sub(r'(a)', r'\1\060', 'a'))
print(re.sub(r'x*', '-', 'abxd'), re.sub(r'x*', '-', ''), re.sub(r'', '-', 'abc'))
print(re.sub(r'(?:x)*', '-', 'axxb'), re.sub(r'\b', '|', 'hi there'))
print(re.sub('a', 'b', 'aaa', -1), re.sub('a', 'b', 'aaa', 0))
print(re.sub(r'^', '> ', 'line1\nline2', flags=re.M))
print(re.sub(r'(\d+)', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(re.sub(r'\w', lambda m: '', 'a-b-c'), re.sub(r'-', lambda m: m.group() * 3, 'a-b'))
print(re.subn(r'\d', '#', 'a1b22c333'), re.subn(r'z', '#', 'abc'), re.subn('', '-', 'ab'))
print(re.subn(r'(\w)', r'\1\1', 'abc', count=2))

s = 'no match here'
print(re.sub('xyz', 'Q', s) is s, re.sub('xyz', lambda m: 'Q', s) is s)

# callables that return None drop the match
print(re.sub(r'\d', lambda m: None, 'a1b2'))


class Repl:
    def __call__(self, m):
        return m.group().upper()


print(re.sub(r'[a-c]', Repl(), 'abcdef'))
calls = []
print(re.sub(r'(?P<x>\w)', lambda m: calls.append((m.span(), m.group('x'), m.pos, m.endpos)) or '', 'ab'))
print(calls)

# bytes
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\w)(\d)', rb'\2\1', b'a1b2'))
print(re.sub(rb'a', bytearray(b'X'), b'aba'), re.sub(rb'a', memoryview(b'Y'), b'aba'))
print(re.sub(rb'(a)', lambda m: m.group(1).upper(), bytearray(b'aba')))
print(re.subn(rb'x*', b'-', b'ab'), re.sub(rb'a', b'\\n', b'a'))
print(re.sub(rb'a', lambda m: bytearray(b'Z'), b'aa'))

# str subclasses
class S(str):
    pass


print(type(re.sub('a', 'b', S('xyz'))).__name__, type(re.sub('a', S('b'), 'a')).__name__)
print(type(re.sub('a', 'b', S('a'))).__name__, re.sub('a', S('b'), 'aa'))

# template expansion: errors
for args in [(r'(a)', r'\2', 'a'), (r'a', r'\g<x>', 'a'), (r'a', r'\g<1', 'a'), (r'a', r'\g', 'a'),
             (r'a', r'\q', 'a'), (r'(?P<n>a)', r'\g<-1>', 'a'), (r'a', r'\g<>', 'a'),
             (r'(a)', r'\g<2>', 'a'), (rb'a', rb'\g<n>', b'a')]:
    try:
        print(re.sub(*args))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
for repl, string in [(5, 'a'), ('x', 5), (b'x', 'a'), ('x', b'a')]:
    try:
        print(re.sub('a', repl, string))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    re.sub(rb'a', 'x', b'a')
except TypeError as e:
    print(type(e).__name__, e)
for f in [lambda m: 5, lambda m: b'x']:
    try:
        re.sub('a', f, 'xay')
    except TypeError as e:
        print(type(e).__name__, e)
try:
    re.sub(rb'a', lambda m: 'x', b'xay')
except TypeError as e:
    print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 1 / 0, 'a')
except ZeroDivisionError as e:
    print(type(e).__name__, e)

# split
print(re.split(r',', 'a,b,,c'), re.split(r',\s*', 'a, b,c'))
print(re.split(r'(,)', 'a,b'), re.split(r'(,)(\s)?', 'a, b,c'))
print(re.split(r'\d', 'a1b2c3', 1), re.split(r'\d', 'a1b2c3', maxsplit=2), re.split(r'\d', 'a1b', -1))
print(re.split(r'x*', 'axbc'), re.split(r'', 'abc'), re.split(r'\b', 'a b'))
print(re.split(r'(?=b)', 'abab'), re.split(r'(?<=a)', 'abab'), re.split(r'^', 'a\nb', flags=re.M))
print(re.split(r'(a)|b', 'xaybz'), re.split(r'\s+', '  lead and trail  '))
print(re.split(rb'-', b'a-b'), re.split(rb'(-)', bytearray(b'a-b')))
print(re.split(r'z', ''), re.split(r'', ''), re.split(r'(x)?', 'ab'))
print(re.compile(r'\W+').split('Words, words, words.', 1))

# findall with empty matches next to non-empty ones
print(re.findall(r'\w*', 'ab cd'), re.findall(r'a*|b', 'abaab'), re.findall(r'(|a)', 'aa'))
print([m.span() for m in re.finditer(r'a*|b', 'abaab')])

# scanner-based tokenizer (re.Scanner uses SUBPATTERN lists and lastindex)
scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, t: ('NAME', t)),
    (r'\d+\.\d*', lambda s, t: ('FLOAT', t)),
    (r'\d+', lambda s, t: ('INT', t)),
    (r'[-+*/=()]', lambda s, t: ('OP', t)),
    (r'\s+', None),
])
print(scanner.scan('x1 = (42 + y) * 3.5 $ rest'))
