# str: is* predicate methods
tests = ['abc', 'ABC123', '123', '١٢٣', '½', '²', '', ' \t\n', 'a b', 'hello_world', '_x1', '1x', 'class', 'Ⅻ', '\x00', 'é', 'abc!', '\u3000']
for s in tests:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
