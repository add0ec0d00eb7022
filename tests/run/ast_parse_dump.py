# ast.parse: ast.dump(include_attributes=True) of every statement and expression kind, match patterns, f-strings, non-ASCII columns, modes
import ast

SOURCES = [
    "x = 1\nx: int = 5\n(y): str\nz.a: int\na, b = c, d = e\nx += 1; y @= 2; z //= 3\ndel a, b[1], c.d",
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    '''doc'''\n    return a\n@dec\n@dec2(1)\nclass C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): pass;",
    "async def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        pass\n    return [i async for i in z]",
    "for i in range(3):\n    continue\nelse:\n    break\nwhile x:\n    pass\nelse:\n    x = 2\nif a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "with open(f) as g, h:\n    pass\nwith (open(f) as g, h):\n    pass\nraise X from Y\nassert x, 'msg'",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\ntry:\n    pass\nexcept* E as e:\n    pass",
    "import a.b.c as d, e\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *\nglobal a, b\nnonlocal c",
    "lambda x, *y, z=1, **w: x\na if b else c\n{1: 2, **d, 3: 4}\n{1, 2, *s}\n[x for x in y if x if z for w in x]\n{x for x in y}\n{k: v for k, v in y}\n(x for x in y)",
    "f(x for x in y)\nf((x for x in y), a)\nf(a, *b, c=d, **e)\nyield\nyield x\nyield from y\nx = (yield)\nx = await y",
    "a < b <= c != d is e is not f in g not in h\nnot a and b or c\n-x + ~y - +z\na ** b // c % d @ e / f << g >> h | i ^ j & k\n(x := 5)",
    "x[1:2, ::3, 4]\nx[:]\nx[a, b]\na.b.c\n*a, b = c\n[a, b] = c\nx[...] = 1\nf()()[0].a",
    "x = ...\nx = 1.5 + 2j + 0x1F + 1_000 + 10**30 + 10000000000000000000000\nx = b'abc' + rb'\\d'\nx = u'abc'\nx = 'a' 'b' \"c\"\nx = True, False, None\nx = ()\ny = (1,)\nz = 1,",
    "x = f'a{b}c{d!r}e{f:>10}g{h!s:{w}.{p}}'\nx = f'{x=}'\nx = f'{x=!r:>5}'\nx = 'a' f'{b}' 'c'\nx = f''\nx = f'{a}' f'{b}'\nx = f'''\n{a}\n  {b}'''",
    "match x:\n    case 1:\n        pass\n    case 'a' | 'b':\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(1, y=2):\n        pass\n    case None:\n        pass\n    case (a, b) as c:\n        pass\n    case -1 | 1+2j:\n        pass\n    case _:\n        pass",
    "match x,:\n    case _: pass\nmatch x, y:\n    case [*_]: pass",
    "x = 'héllo'; y = 'é' + z\ns = 'ü'; f(a='é', b=ö)\nx = f'é{ü}'\n# коммент\nпеременная = 'значение'",
    "x = (1,\n     2)\ndef f(\n    a,\n    b,\n):\n    pass\nx = [\n  1,\n  2,\n]\nx = \"\"\"abc\ndef\"\"\"\nx = 'a' \\\n  'b'",
    "if x:\n    pass\n    # comment\n\ndef f():\n    x = 1; pass; del x;\n\n\ny = 2\n",
]

for src in SOURCES:
    print(ast.dump(ast.parse(src), include_attributes=True))
print(ast.dump(ast.parse("1 + x", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1; y", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
print(ast.dump(ast.parse("(x, *int, **str) -> bool", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse(b"x = '\xc3\xa9'"), include_attributes=True))
print(ast.dump(ast.parse("x", type_comments=False)))
print(ast.dump(ast.parse("def f(a, b=1, *, c, d=2): pass").body[0].args, indent=2))
t = ast.parse("x = 1")
print(type(t).__name__, t.body[0].targets[0].ctx is ast.parse("y = 2").body[0].targets[0].ctx)
for bad in ["x = (", "def f(:\n", "1 +", "x = 1\n  y = 2", "f(**x, *y)"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
