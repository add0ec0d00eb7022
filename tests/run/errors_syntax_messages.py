# Syntax errors of the parser: the exception type, message, line and column python3.11 gives,
# including which error wins when a tokenizer error and a parser error are both in the source.
cases = [
    'x = = 1', 'def f(:\n    pass', 'a = (1,\nb = 2', '1 +', 'for x in y print(x)', '  x = 1',
    'if x:\npass', 'x = (1, 2', "s = 'abc", 's = """abc', 's = """abc\n\n', 'f() = 1', 'x = 1 +\n',
    'print "hi"', 'a b', 'def f(a, a): pass', 'x = $', 'x = 1\ny = $', 'x = ?', 'f(**k, *a)',
    'class A(:\n pass', 'x = [1, 2\ny = 3', 'lambda x: (yield)', 'import a.b as', 'x = 0777',
    '\tif x:\n        a\n\tb', 'else: pass', 'x += 1 = 2', 'del 1', 'x = )', 'return',
    'x = (1 +\ny = "abc', 'x = 1 +\ny = "abc', 'f(a for a in b, c)', 'x = \x01',
]
for src in cases:
    try:
        compile(src, '<t>', 'exec')
        print(repr(src), 'compiles')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset)
