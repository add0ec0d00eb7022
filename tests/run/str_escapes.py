# str: escape sequences in literals and repr of special characters
s = 'tab\there\nnew\\back\'q\"dq\a\b\f\v\r\0\x41\101\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}'
print(repr(s))
print(len(s), [ord(c) for c in s[-6:]])
print(r'raw\n\t', len(r'\n'), R'\x41')
print(repr('\x7f\x80\xff\u200b\ufeff\U0010ffff\ud800'[:-1]), ascii('é😀\n'))
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('\\'))
print('\N{LATIN CAPITAL LETTER A WITH GRAVE}', '\u0041\u030a', len('\u0041\u030a'))
print('a' 'b' "c" '''d''', 'x'
      'y')
