import re
import _sre


def t(pat, s, flags=0):
    try:
        m = re.search(pat, s, flags)
    except re.error as e:
        print(ascii(pat), 'error', e)
        return
    print(ascii(pat), ascii(s), flags, ascii(m and m.group()))


# IGNORECASE, ASCII and Unicode
t(r'abc', 'xABCx', re.I)
t(r'[a-z]+', 'HeLLo', re.I)
t(r'[^a-z]+', 'HeLLo123', re.I)
t(r'(?i)straße', 'STRASSE')
t(r'(?i)straße', 'STRAẞE')
t(r'(?i)s', '\u017f')
t(r'(?i)\u017f', 'S')
t(r'(?i)k', '\u212a')
t(r'(?i)[k]', '\u212a')
t(r'(?i)[a-z]', '\u212a')
t(r'(?ai)k', '\u212a')
t(r'(?ai)[a-z]', '\u212a')
t(r'(?i)\u212a', 'k')
t(r'(?i)σ', 'Σ')
t(r'(?i)σ', 'ς')
t(r'(?i)ς', 'σ')
t(r'(?i)[σ]', 'ς')
t(r'(?i)[α-ω]+', 'ΑΒΓΣΩς')
t(r'(?i)i', 'İ')
t(r'(?i)İ', 'i')
t(r'(?i)ı', 'I')
t(r'(?i)ǅ', 'ǆ')
t(r'(?i)ǅ', 'Ǆ')
t(r'(?i)[ǅ]', 'ǆ')
t(r'(?i)µ', 'Μ')
t(r'(?i)ﬀ', 'FF')
t(r'(?i)é', 'É')
t(r'(?i)[à-ÿ]+', 'ÀÉÎÕÜ')
t(r'(?i)[^à-ÿ]+', 'ÀÉxyz')
t(r'(?i)\U00010400', '\U00010428')
t(r'(?i)\U00010428', '\U00010400')
t(r'(?i)[\U00010400-\U00010410]', '\U00010430')
t(r'(?i)[\U00010428-\U00010430]', '\U00010400')
t(r'(?i)[^\U00010400-\U00010410]', '\U00010430')
t(r'(?i)(a)\1', 'aA')
t(r'(?i)(é)\1', 'éÉ')
t(r'(?i)(\u017f)\1', '\u017fs')
t(r'(?i)(k)\1', 'k\u212a')
t(r'(?ai)(k)\1', 'kK')
t(r'(?i:a)b', 'Ab')
t(r'(?i:a)b', 'AB')
t(r'(?i)a(?-i:b)', 'AB')
t(r'(?i)a(?-i:b)', 'Ab')
t(r'a(?i)b', 'aB')
t(r'(?i)[^a]', 'A')
t(r'(?i)[\w]', 'ǅ')
t(r'(?i)x*?Y', 'xXy')
t(r'(?i)[\d]', '٣')

# character categories: Unicode and ASCII
s = 'aé_ß٣²½\u00a0\u2028\u3000x\tz\x1c九'
for cat in [r'\w', r'\W', r'\d', r'\D', r'\s', r'\S']:
    print(cat, ascii(re.findall(cat, s)), ascii(re.findall(cat, s, re.A)))
print(ascii(re.findall(r'\b\w+\b', 'naïve café ok')), ascii(re.findall(r'(?a)\b\w+\b', 'naïve café ok')))
print(ascii(re.findall(r'\B.', 'ab é')), ascii(re.findall(r'(?a)\B.', 'ab é')))
print(ascii(re.findall(r'.', 'a\nb\rc\u2028d')), ascii(re.findall(r'(?m)$', 'a\rb\u2028c')))
print(ascii(re.findall(r'[\w-]', 'a-b')), ascii(re.findall(r'[^\W\d_]+', 'ab_12cd')))

# big character sets
print(ascii(re.findall(r'[а-яё]+', 'Привет мир ёлка')))
print(ascii(re.findall(r'(?i)[а-яё]+', 'Привет МИР Ёлка')))
print(ascii(re.findall(r'[\u4e00-\u9fff]+', 'abc中文字def漢')))
print(ascii(re.findall(r'[^\u0100-\u2000x]+', 'abxĀ€é\u2001z')))
print(ascii(re.findall(r'[\u0391-\u03a9\u0430-\u044f\u05d0-\u05ea]+', 'ΑΒΓ абв אבג xyz')))
print(ascii(re.findall(r'[ãõ\u0100\u0200\u0300\u0400\u0500]', 'xãĀȀ̀ЀԀõ')))
print(ascii(re.findall(r'[\U0001F600-\U0001F64F]+', 'hi 😀😃 there 🙏!')))
print(ascii(re.findall(r'[^\U0001F600-\U0001F64F]+', 'hi 😀😃 there 🙏!')))
print(ascii(re.findall(r'.', '😀a')), len(re.match(r'.+', '𝔘𝔫𝔦').group()))
print(ascii(re.sub(r'(?<=[\u4e00-\u9fff])(?=[a-z])', ' ', '中a文b')))

# MULTILINE, DOTALL, VERBOSE
print(re.findall(r'^.+$', 'a\nbb\n', re.M), re.findall(r'a.b', 'a\nb', re.S), re.findall(r'a.b', 'a\nb'))
print(re.findall(r'''
    (\d+)   # number
    \s*     # space
    ([a-z]+)  # unit
''', '10 kg, 5m', re.X))
print(re.findall(r'(?x) a b c # comment', 'abc a b c'), re.findall(r'(?x)[ ]a', ' a'))
print(re.findall(r'(?ms)^a.', 'a\na\n'), re.findall(r'(?s:a.)b', 'a\nb'))

# LOCALE and bytes
print(re.findall(rb'\w+', b'caf\xe9 ok'), re.findall(rb'(?L)\w+', b'caf\xe9 ok'))
print(re.match(rb'(?Li)abc', b'ABC'), re.match(rb'(?i)\xe9', b'\xc9'), re.match(rb'(?Li)[a-c]+', b'CaB'))
print(re.match(rb'(?Li)(a)\1', b'aA'), re.findall(rb'(?L)\b\w', b'ab cd'), re.findall(rb'[\xe0-\xff]+', b'a\xe9\xff'))
print(re.compile(rb'(?L)x').flags, re.compile(r'x').flags, re.compile(rb'x').flags, re.compile(r'(?a)x').flags)

# the compiler's helpers
for ch in [0, 0x41, 0x61, 0x5f, 0xc9, 0xdf, 0x130, 0x131, 0x17f, 0x1c5, 0x3a3, 0x3c2, 0x1e9e,
           0x212a, 0x2126, 0xfb00, 0x10400, 0x10428, 0x1f600, 0x10ffff]:
    print(hex(ch), _sre.ascii_iscased(ch), _sre.unicode_iscased(ch), hex(_sre.ascii_tolower(ch)),
          hex(_sre.unicode_tolower(ch)))
sample = range(0, 0x20000, 5)
print(sum(map(_sre.unicode_iscased, sample)), sum(map(_sre.unicode_tolower, sample)) % 1000003)
