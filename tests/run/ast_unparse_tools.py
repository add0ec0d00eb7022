# ast helpers: unparse round trips, walk, NodeVisitor, iter_fields, get_docstring, increment_lineno, copy_location, fix_missing_locations, get_source_segment
import ast

SRC = '''\
"""Module doc."""
import os, sys as system
from .pkg import (a as b, c)

@decorator(1, k=2)
class Point(Base, metaclass=Meta):
    """A point.

    With two coordinates."""
    x: int = 0
    def __init__(self, x, /, y=1, *args, z, w=2, **kw) -> None:
        self.x, self.y = x, y
        lst = [i * 2 for i in range(10) if i % 2 if i > 2]
        d = {k: v for k, v in zip('ab', (1, 2))}
        s = {*lst, 3}
        g = (e async for e in src) if False else None
        print(f"{x!r:>{w}} and {y=}", end='')
        return None

async def runner(q):
    async with q as r, lock:
        async for item in r:
            await item
    try:
        pass
    except* (TypeError, ValueError) as eg:
        raise RuntimeError('bad') from eg
    match q:
        case {'k': [1, *rest]} | Point(x=0) if rest:
            del rest
        case _:
            yield from ()
    x = lambda a, *b, c=3, **d: (a, b, c, d)
    return -x ** 2 // 3 if not (x := 1) else ~x
'''

tree = ast.parse(SRC)
text = ast.unparse(tree)
print(text)
print(ast.dump(ast.parse(text)) == ast.dump(tree))
for expr in ["a + b * c", "(a + b) * c", "-(-a)", "a ** -b", "(a, b)", "x[1:2, ...]", "f(*a, **k)",
             "'\\n' + \"'\"", "1e300 * 1e300", "not (a and b)", "(yield)", "[*a, *b]", "{**a, 'b': 1}"]:
    print(expr, '=>', ast.unparse(ast.parse(expr)))

kinds = {}
for node in ast.walk(tree):
    kinds[type(node).__name__] = kinds.get(type(node).__name__, 0) + 1
print(sorted(kinds.items()))

class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
    def visit_FunctionDef(self, node):
        self.names.append('def ' + node.name)
        self.generic_visit(node)
v = Names()
v.visit(tree)
print(v.names)

cls = tree.body[3]
print(list(name for name, _ in ast.iter_fields(cls)), [type(c).__name__ for c in ast.iter_child_nodes(cls)])
print(repr(ast.get_docstring(tree)), repr(ast.get_docstring(cls)), repr(ast.get_docstring(cls, clean=False)))
print(ast.get_docstring(cls.body[2]), ast.get_docstring(tree.body[4]))
print(ast.get_source_segment(SRC, cls.body[2].body[0]), '|', ast.get_source_segment(SRC, cls.body[2].args.args[0], padded=True))

ast.increment_lineno(tree, 10)
print(tree.body[0].lineno, cls.lineno, cls.body[2].body[0].targets[0].end_lineno)

new = ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2))
ast.copy_location(new, cls.body[1])
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)
mod = ast.Module(body=[ast.Expr(value=ast.Call(func=ast.Name(id='print', ctx=ast.Load()), args=[new], keywords=[]))], type_ignores=[])
ast.fix_missing_locations(mod)
print(ast.dump(mod, include_attributes=True))
print(ast.dump(ast.parse('x = 1'), annotate_fields=False), ast.dump(ast.parse('f(a)'), indent=1))
