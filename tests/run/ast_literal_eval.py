# ast.literal_eval: every literal kind, containers, signed and complex numbers, whitespace, and the errors for everything else
import ast

GOOD = [
    "1", "-1", "+1", "1.5", "-2.5e3", "1j", "-1j", "1+2j", "1-2j", "-1-2j", "0x1F", "0o17", "0b101",
    "10**0" if False else "123456789012345678901234567890", "'s'", "u's'", "b'b'", "'a' 'b'",
    "r'\\d'", "'\\n\\t\\x41\\u00e9'", "True", "False", "None", "...",
    "()", "(1,)", "(1, 2, (3, 4))", "[]", "[1, [2, [3]]]", "{}", "{'a': 1, 2: [3]}",
    "{1, 2, 3}", "set()", "  \t 42", "(\n 1,\n 2\n)", "{'k': (1, 'v', None)}",
]
for src in GOOD:
    v = ast.literal_eval(src)
    if isinstance(v, set):
        v = sorted(v)
    print(repr(src), '->', type(v).__name__, repr(v))

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.parse("(1, 'x')", mode="eval").body))
print(ast.literal_eval(ast.Constant(value=5)))
print(ast.literal_eval(ast.Tuple(elts=[ast.Constant(1), ast.List(elts=[], ctx=ast.Load())], ctx=ast.Load())))

BAD = [
    "x", "f()", "1 + x", "[1, x]", "{x: 1}", "a.b", "1 < 2", "not True", "lambda: 0",
    "2 * 3", "1 + 1", "'a' + 'b'", "-'a'", "1 + 'a'", "(1).real", "{**d}", "[*a]",
    "set(x)", "frozenset()", "[i for i in x]", "f'{1}'", "x if y else z", "__import__('os')",
    "1 +", "1; 2", "import os", "1 + 2 + 3j", "(1+2j) + 3j", "--1",
]
for src in BAD:
    try:
        v = ast.literal_eval(src)
        print(repr(src), 'accepted', repr(v))
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as e:
        msg = str(e).split(' at 0x')[0]
        print(repr(src), type(e).__name__, msg)

for node in [ast.Name(id='x', ctx=ast.Load()), ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant('a')), 5]:
    try:
        ast.literal_eval(node)
    except ValueError as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
