# compile() of ast trees: parsed, transformed and hand-built trees run with exec/eval, positions reach tracebacks and co_positions
import ast

src = '''
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
class Acc:
    total: int = 0
    def add(self, *xs, scale=1):
        self.total += sum(x * scale for x in xs)
        return self
match [fib(10), Acc().add(1, 2, scale=3).total]:
    case [55, int(t)] if t > 5:
        result = f"ok {t!r:>4}"
    case _:
        result = "no"
try:
    {}['k']
except KeyError as e:
    caught = repr(e)
'''
ns = {}
exec(compile(ast.parse(src), '<tree>', 'exec'), ns)
print(ns['result'], ns['caught'], ns['fib'](20), Acc := ns['Acc'], Acc.__annotations__)

print(eval(compile(ast.parse('[x * 2 for x in range(4)]', mode='eval'), '<e>', 'eval')))
tree = ast.parse('1 + 2')
print(compile(tree, '<t>', 'exec', ast.PyCF_ONLY_AST) is tree)
print(type(compile('x = 1', '<t>', 'exec', flags=ast.PyCF_ONLY_AST)).__name__)

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(value=node.value * 2), node)
        return node
    def visit_Name(self, node):
        if node.id == 'print_me':
            return ast.copy_location(ast.Name(id='print', ctx=node.ctx), node)
        return node
tree = Doubler().visit(ast.parse('print_me(1 + 2, [3, 4], "s")'))
exec(compile(tree, '<doubled>', 'exec'))

class DropAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return None
tree = DropAsserts().visit(ast.parse('assert False\nprint("no assert")'))
exec(compile(tree, '<t>', 'exec'))

body = [
    ast.Assign(targets=[ast.Name(id='v', ctx=ast.Store())], value=ast.BinOp(
        left=ast.Constant(value=6), op=ast.Mult(), right=ast.Constant(value=7))),
    ast.Expr(value=ast.Call(func=ast.Name(id='print', ctx=ast.Load()),
                            args=[ast.Name(id='v', ctx=ast.Load())], keywords=[])),
]
mod = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
exec(compile(mod, '<built>', 'exec'))
expr = ast.Expression(body=ast.Lambda(args=ast.arguments(posonlyargs=[], args=[ast.arg(arg='q')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=ast.Name(id='q', ctx=ast.Load())))
print(eval(compile(ast.fix_missing_locations(expr), '<lam>', 'eval'))(9))
inter = ast.fix_missing_locations(ast.Interactive(body=[ast.Expr(value=ast.Constant(value='shown'))]))
exec(compile(inter, '<single>', 'single'))

code = compile(ast.parse('def g():\n    x = 1\n    return x / 0\n'), 'file.py', 'exec')
g_ns = {}
exec(code, g_ns)
try:
    g_ns['g']()
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    co = tb.tb_frame.f_code
    print(tb.tb_lineno, co.co_name, co.co_filename, co.co_firstlineno)
    print(sorted(set(p for p in co.co_positions() if p[0] is not None)))
tree = ast.parse('y = 1\nz = y +\\\n   undefined_name')
ast.increment_lineno(tree, 100)
try:
    exec(compile(tree, 'moved.py', 'exec'), {})
except NameError as e:
    print(e, e.__traceback__.tb_next.tb_lineno)
