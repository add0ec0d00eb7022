# str: case conversion methods
for s in ['hello World', 'ÄÖÜ straße', 'ǅemal', 'HELLO', "they're bill's friends", '123abc DEF', '']:
    print(repr(s), s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print('ß'.upper(), 'ﬁ'.upper(), 'İ'.lower().encode('utf-8'), 'ΣΑΣ'.lower())
print('abc'.islower(), 'aBc'.islower(), 'ABC'.isupper(), 'Abc Def'.istitle(), 'Abc def'.istitle(), '123'.islower())
