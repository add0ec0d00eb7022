import re
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(repr(_sre.copyright))
print(sorted(n for n in dir(_sre) if not n.startswith('__')))


def show(label, v):
    print(label, '->', repr(v))


# match / search / fullmatch
show('match', re.match(r'a+', 'aaab'))
show('match none', re.match(r'b', 'aaab'))
show('search', re.search(r'b+', 'aaabbbc'))
show('fullmatch', re.fullmatch(r'a+b', 'aaab'))
show('fullmatch none', re.fullmatch(r'a+', 'aaab'))
show('fullmatch alt', re.fullmatch(r'a|ab', 'ab'))
show('fullmatch lazy', re.fullmatch(r'a.*?', 'abc'))
show('empty', re.match(r'', 'abc'))
show('empty search', re.search(r'x*', 'abc'))

# pos / endpos
p = re.compile(r'\d+')
for args in [('a12b345', 0), ('a12b345', 2), ('a12b345', 3, 5), ('a12b345', -3),
             ('a12b345', 100), ('a12b345', 1, -1), ('a12b345', 4, 2), ('a12b345', 0, 100)]:
    m = p.search(*args)
    print(args, m, m and (m.pos, m.endpos))
print(p.match('a12', 1), p.match('a12', pos=1, endpos=2), p.fullmatch('a12', 1))
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1))
print(re.compile('').match('abc', 2, 1), re.compile('').search('abc', 3))
print(re.compile(r'\b').search('ab', 1), re.compile(r'\B').search('ab', 1))

# findall / finditer
print(re.findall(r'\w+', 'hello world, foo_bar 42!'))
print(re.findall(r'(\w)(\d)?', 'a1 b c3'))
print(re.findall(r'(\w+)=(\w*)', 'a=1, b=, c=3'))
print(re.findall(r'x*', 'axxb'))
print(re.findall(r'\b\w', 'one two  three'))
print(re.findall(r'', ''), re.findall(r'a', ''), re.findall(r'a|', 'ab'))
print([m.span() for m in re.finditer(r'\d+', 'a1b22c333')])
print([m.group() for m in re.finditer(r'x*', 'axxb')])
print([m.span() for m in re.finditer(r'', 'ab')])
print([m.span() for m in re.compile(r'\w').finditer('abcdef', 2, 4)])
print(re.compile('a').findall('aaaa', 1, 3))

# scanner
sc = re.compile(r'\d').scanner('1a23')
print(sc.pattern.pattern, sc.match(), sc.match(), sc.search(), sc.search(), sc.search())

# quantifiers
for pat, s in [(r'a*', 'aaa'), (r'a*?', 'aaa'), (r'a+?', 'aaa'), (r'a{2}', 'aaaa'),
               (r'a{2,3}', 'aaaa'), (r'a{2,3}?', 'aaaa'), (r'a{,2}', 'aaaa'), (r'a{2,}', 'aaaaa'),
               (r'(ab)*', 'ababa'), (r'(ab)*?b', 'ababb'), (r'(?:ab){2}', 'ababab'),
               (r'(a|b)*c', 'abbac'), (r'(a|bc)+?c', 'abcbcc'), (r'(?:a*)*b', 'aaab'),
               (r'(?:a*)+?b', 'aab'), (r'(a*)*', 'b'), (r'(a*)+', 'b'), (r'(a|)*b', 'aab'),
               (r'a*+', 'aaa'), (r'a*+a', 'aaa'), (r'(?:ab)*+', 'ababa'), (r'(?:ab)*+b', 'ababb'),
               (r'a++b', 'aab'), (r'a?+a', 'a'), (r'(?>a+)b', 'aab'), (r'(?>a+)a', 'aaa'),
               (r'(?>(a|ab))c', 'abc'), (r'(a|ab)c', 'abc'), (r'x{0}y', 'y'),
               (r'(?:x|y){1,3}+z', 'xyxz'), (r'(\d+?)(\d*)', '12345'), (r'.{3,5}?x', 'abcdefx')]:
    m = re.match(pat, s)
    print(pat, s, m and (m.group(), m.groups()))

# character classes
print(re.findall(r'[a-c]', 'abcdef'), re.findall(r'[^a-c]', 'abcdef'))
print(re.findall(r'[\d\s]', 'a1 b2\tc'), re.findall(r'[^\W\d]', 'a1_b2'))
print(re.findall(r'[.]', 'a.b'), re.findall(r'.', 'a\nb'), re.findall(r'(?s).', 'a\nb'))
print(re.findall(r'[a-z0-9_-]+', 'foo-bar_9 X'), re.findall(r'[]a]', 'a]b'))
print(re.findall(r'[\x00-\x1f]', 'a\tb\nc'), re.findall(r'[\u0100-\u017f]+', 'aĀāž b'))
print(re.findall(r'[a-zA-Z]+|\d+', 'ab12CD34'))
print(re.findall(r'[aeiou]', 'education'), re.findall(r'[^aeiou\s]+', 'hello world'))
print(re.findall(r'\D+|\S+', 'ab 12'), re.findall(r'\W+', 'a, b; c'))

# anchors
print(re.findall(r'^\w+', 'one\ntwo'), re.findall(r'(?m)^\w+', 'one\ntwo'))
print(re.findall(r'\w+$', 'one\ntwo\n'), re.findall(r'(?m)\w+$', 'one\ntwo\n'))
print(re.search(r'a\Z', 'a\n'), re.search(r'a$', 'a\n'), re.search(r'\Aa', 'ba'))
print(re.findall(r'\bfoo\b', 'foo foobar barfoo foo.'), re.findall(r'\Bo\B', 'foo boo'))
print(re.sub(r'$', '!', 'a\nb\n'), re.sub(r'(?m)$', '!', 'a\nb\n'), re.sub(r'(?m)^', '>', 'a\nb'))

# alternation
print(re.match(r'ab|a', 'ab'), re.match(r'a|ab', 'ab'), re.findall(r'cat|dog|bird', 'dogcatbirdcow'))
print(re.match(r'(?:x|y|z)+', 'xyzzyq'), re.findall(r'a(?:b|c|d)e', 'abe ace afe ade'))

# bytes
bp = re.compile(rb'(\w+)@(\w+)\.com')
m = bp.search(b'mail: joe@example.com!')
print(m, m.groups(), m.span(1), bp.pattern, bp.flags)
print(re.findall(rb'\d+', bytearray(b'a1b22')), re.findall(rb'\d', memoryview(b'x9y8')))
print(re.match(rb'[\x80-\xff]+', b'\x80\xfe\x7f'), re.findall(rb'.', b'a\nb'))
print(re.compile(rb'\xe9', re.I).match(b'\xc9'), re.compile(b'a', re.I).match(b'A'))

# Pattern attributes and protocols
p = re.compile(r'(?P<a>x)(y)', re.M | re.S)
print(p.pattern, p.flags, p.groups, dict(p.groupindex), type(p).__name__, type(p).__module__)
print(p, re.compile(r'a', re.I | re.X), re.compile(b'a', re.L), re.compile('x', re.A))
print(re.compile(r'\d' * 150))
print(p == re.compile(r'(?P<a>x)(y)', re.M | re.S), p != re.compile(r'(?P<a>x)(y)'), p == 3)
print(hash(p) == hash(re.compile(r'(?P<a>x)(y)', re.M | re.S)))
print(p.__copy__() is p, p.__deepcopy__({}) is p, re.Pattern[str], re.Match[bytes])
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p)
print(re.compile(p) is p, re.compile('a') is re.compile('a'))
print(isinstance(p, re.Pattern), type(p.match('xy')) is re.Match)

# a long subject with nested repeats: no deep recursion
s = 'ab' * 50000
print(len(re.match(r'(a|b)*', s).group()), len(re.match(r'(?:a|b)*?$', s).group()))
print(len(re.match(r'(ab)+', s).group()), re.match(r'(a|b)*c', s + 'c').span())
print(len(re.findall(r'a', s)), re.search(r'(a|b)*x', 'ab' * 300))
print(len(re.sub(r'a', 'xx', s)), len(re.split(r'b', s)))
