import re
import _sre


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '->', repr(r))


p = re.compile(r'(a)(?P<n>b)?')
bp = re.compile(rb'a')
m = p.match('a')

# subject type errors
attempt('match int', lambda: p.match(1))
attempt('match None', lambda: p.search(None))
attempt('str pattern, bytes subject', lambda: p.match(b'a'))
attempt('str pattern, bytearray subject', lambda: p.findall(bytearray(b'a')))
attempt('bytes pattern, str subject', lambda: bp.match('a'))
attempt('bytes pattern, list subject', lambda: bp.match(['a']))
attempt('sub subject', lambda: p.sub('x', 5))
attempt('split subject', lambda: p.split(3.5))
attempt('scanner subject', lambda: p.scanner(object()))
attempt('finditer subject', lambda: p.finditer(1))

# argument errors
attempt('match()', lambda: p.match())
attempt('match pos float', lambda: p.match('a', 1.0))
attempt('match pos str', lambda: p.match('a', '1'))
attempt('match pos huge', lambda: p.match('a', 2 ** 70))
attempt('match endpos -huge', lambda: p.match('a', 0, -2 ** 70))
attempt('match bad kw', lambda: p.match('a', foo=1))
attempt('match too many', lambda: p.match('a', 0, 1, 2))
attempt('match dup', lambda: p.match('a', string='a'))
attempt('search kw', lambda: p.search(string='xa', pos=1))
attempt('fullmatch kw', lambda: p.fullmatch(endpos=1, string='ab'))
attempt('findall()', lambda: p.findall())
attempt('sub()', lambda: p.sub())
attempt('sub one', lambda: p.sub('x'))
attempt('subn count str', lambda: p.subn('x', 'a', count='1'))
attempt('split maxsplit str', lambda: p.split('a', maxsplit='x'))
attempt('split kw', lambda: p.split(string='bab', maxsplit=1))
attempt('scanner()', lambda: p.scanner())
attempt('deepcopy()', lambda: p.__deepcopy__())
attempt('copy(1)', lambda: p.__copy__(1))

# group errors
for g in [3, -1, 'x', 'n', 2.5, None, [], b'n']:
    attempt(f'group({g!r})', lambda: m.group(g))
attempt('group(0, 9)', lambda: m.group(0, 9))
attempt('start(1, 2)', lambda: m.start(1, 2))
attempt('end(k=1)', lambda: m.end(k=1))
attempt('span(7)', lambda: m.span(7))
attempt('m[5]', lambda: m[5])
attempt('groups(1, 2)', lambda: m.groups(1, 2))
attempt('groups(default=1)', lambda: m.groups(default=1))
attempt('groupdict(1, 2)', lambda: m.groupdict(1, 2))
attempt('expand()', lambda: m.expand())
attempt('expand bad', lambda: m.expand(r'\3'))
attempt('expand name', lambda: m.expand(r'\g<zz>'))
attempt('expand None group', lambda: m.expand(r'[\g<n>]'))
attempt('expand kw', lambda: m.expand(template=r'\1!'))
attempt('expand bytes for str', lambda: m.expand(b'x'))
attempt('m.string = 1', lambda: setattr(m, 'string', 1))
attempt('p.pattern = 1', lambda: setattr(p, 'pattern', 1))
attempt('del p.flags', lambda: delattr(p, 'flags'))
attempt('scanner.pattern = 1', lambda: setattr(p.scanner(''), 'pattern', 1))
attempt('Pattern()', lambda: re.Pattern())
attempt('Match()', lambda: re.Match())
attempt('Scanner()', lambda: type(p.scanner(''))())
attempt('scanner.match(1)', lambda: p.scanner('a').match(1))

# the module's helpers
attempt('getcodesize(1)', lambda: _sre.getcodesize(1))
attempt('ascii_iscased str', lambda: _sre.ascii_iscased('a'))
attempt('unicode_tolower float', lambda: _sre.unicode_tolower(1.5))
attempt('ascii_tolower huge', lambda: _sre.ascii_tolower(2 ** 40))
attempt('ascii_tolower()', lambda: _sre.ascii_tolower())
attempt('unicode_iscased(-1)', lambda: _sre.unicode_iscased(-1))

# _sre.compile with hand-made code
attempt('compile ok', lambda: _sre.compile('a', 0, [14, 4, 0, 1, 1, 16, 97, 1], 0, {}, ()).match('ab'))
attempt('compile None pattern', lambda: _sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match(b'a'))
attempt('compile None pattern str', lambda: _sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match('a'))
attempt('compile no SUCCESS', lambda: _sre.compile('a', 0, [16, 97], 0, {}, ()))
attempt('compile bad op', lambda: _sre.compile('a', 0, [99, 1], 0, {}, ()))
attempt('compile missing arg', lambda: _sre.compile('a', 0, [16, 1], 0, {}, ()))
attempt('compile bad mark', lambda: _sre.compile('a', 0, [17, 5, 1], 0, {}, ()))
attempt('compile bad groupref', lambda: _sre.compile('a', 0, [11, 0, 1], 0, {}, ()))
attempt('compile bad skip', lambda: _sre.compile('a', 0, [13, 50, 16, 97, 0, 1], 0, {}, ()))
attempt('compile bad at', lambda: _sre.compile('a', 0, [6, 99, 1], 0, {}, ()))
attempt('compile empty', lambda: _sre.compile('a', 0, [], 0, {}, ()))
attempt('compile code tuple', lambda: _sre.compile('a', 0, (1,), 0, {}, ()))
attempt('compile groupindex list', lambda: _sre.compile('a', 0, [1], 0, [], ()))
attempt('compile indexgroup list', lambda: _sre.compile('a', 0, [1], 0, {}, []))
attempt('compile negative word', lambda: _sre.compile('a', 0, [-1, 1], 0, {}, ()))
attempt('compile huge word', lambda: _sre.compile('a', 0, [2 ** 32, 1], 0, {}, ()))
attempt('compile str word', lambda: _sre.compile('a', 0, ['x', 1], 0, {}, ()))
attempt('compile pattern int', lambda: _sre.compile(5, 0, [1], 0, {}, ()))
attempt('compile groups -1', lambda: _sre.compile('a', 0, [1], -1, {}, ()))
attempt('compile flags str', lambda: _sre.compile('a', 'x', [1], 0, {}, ()))
attempt('compile missing', lambda: _sre.compile('a', 0, [1]))
attempt('compile kw', lambda: _sre.compile(pattern='a', flags=0, code=[1], groups=0, groupindex={},
                                           indexgroup=()).pattern)
q = _sre.compile('(?P<x>a)', 0, [17, 0, 16, 97, 17, 1, 1], 1, {'x': 1}, (None, 'x'))
attempt('hand group', lambda: (q.match('a').groupdict(), q.match('a').lastgroup, q.groups))
attempt('hand repr', lambda: repr(_sre.compile(None, 7, [1], 0, {}, ())))
attempt('repr flags', lambda: repr(_sre.compile('x', 0x10000 | 2, [1], 0, {}, ())))

# errors from the parser (pure Python, on top of _sre)
for pat in ['(', ')', '[a', 'a**', '(?P<1>a)', '(?P=x)', r'\1', '(?<=a*)b', '(?', 'a{2,1}',
            '(?i', r'\x', '(?P<a>x)(?P<a>y)', '[b-a]', r'(?(2)a|b)', '*', '(?<a>x)']:
    attempt(f'compile {pat!r}', lambda: re.compile(pat))
try:
    re.compile('ab(cd')
except re.error as e:
    print(e.msg, e.pos, e.lineno, e.colno, repr(e.pattern))
attempt('flags with pattern', lambda: re.compile(p, re.I))
attempt('compile int', lambda: re.compile(5))
attempt('purge', lambda: re.purge())
attempt('escape', lambda: (re.escape('a.b*c\n'), re.escape(b'x+y')))
