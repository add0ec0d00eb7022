# str: repr quoting rules and ascii()
for s in ['', 'a', "'", '"', '\'"', 'a\nb', '\t', '\x00', '\x1f', '\x7f', 'é', '\u2028', '€', '\U0001F40D', '\\n']:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(['a', "b'c", 'd"e']), repr({'k': '\n'}), repr(('\x85',)))
