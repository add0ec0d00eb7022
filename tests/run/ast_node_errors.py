# ast node construction errors, and compile() of malformed trees: CPython's TypeError/ValueError messages
import ast
import re

def show(f):
    try:
        r = f()
        print('ok', type(r).__name__)
    except Exception as e:
        print(type(e).__name__, re.sub(r' at 0x[0-9a-f]+', '', str(e)))

show(lambda: ast.Name('x', ast.Load(), 3))
show(lambda: ast.Load(1))
show(lambda: ast.Return(1, 2))
show(lambda: ast.AST(1))
show(lambda: ast.Name('x', id='y'))
show(lambda: ast.Name('x', ctx=ast.Load(), lineno=3).lineno)
show(lambda: ast.Name().id)

def m(*body):
    return ast.Module(body=list(body), type_ignores=[])
def at(node, line=1, col=0, end_line=None, end_col=None):
    node.lineno, node.col_offset = line, col
    node.end_lineno = line if end_line is None else end_line
    node.end_col_offset = col + 1 if end_col is None else end_col
    return node
def name(id, ctx=None):
    return at(ast.Name(id=id, ctx=ctx or ast.Load()))
def expr(e):
    return at(ast.Expr(value=e))
def args(**kw):
    fields = dict(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
    fields.update(kw)
    return ast.arguments(**fields)

CASES = [
    m(ast.Expr(value=name('x'))), m(ast.Pass(lineno=1)), m(expr(ast.Pass())), m(name('x')),
    ast.Module(body=5, type_ignores=[]), ast.Module(type_ignores=[]), ast.Module(body=[]),
    m(expr(at(ast.Name(id=5, ctx=ast.Load())))), m(expr(at(ast.Name(id=None, ctx=ast.Load())))),
    m(expr(at(ast.Name(ctx=ast.Load())))), m(expr(at(ast.Name(id='x')))),
    m(expr(at(ast.Name(id='x', ctx=ast.Add())))), m(expr(name('x', ast.Store()))),
    m(at(ast.Assign(targets=[name('x')], value=name('y')))), m(expr(name('None'))),
    m(expr(at(ast.Constant(value=[1])))), m(expr(at(ast.Constant()))),
    m(expr(at(ast.Constant(value=1), line='a'))), m(expr(at(ast.Constant(value=1), line=2**40))),
    m(at(ast.FunctionDef(name='f', args=args(), body=[], decorator_list=[]))),
    m(at(ast.Assign(targets=[], value=name('y')))), m(at(ast.Delete(targets=[]))),
    m(at(ast.With(items=[], body=[at(ast.Pass())]))),
    m(at(ast.Try(body=[at(ast.Pass())], handlers=[], orelse=[], finalbody=[]))),
    m(at(ast.Try(body=[at(ast.Pass())], handlers=[], orelse=[at(ast.Pass())], finalbody=[at(ast.Pass())]))),
    m(expr(at(ast.BoolOp(op=ast.And(), values=[name('x')])))),
    m(expr(at(ast.Compare(left=name('x'), ops=[ast.Eq(), ast.Lt()], comparators=[name('y')])))),
    m(expr(at(ast.Dict(keys=[None], values=[])))), m(expr(at(ast.ListComp(elt=name('x'), generators=[])))),
    m(at(ast.Global(names=[]))), m(at(ast.ImportFrom(module='x', names=[at(ast.alias(name='y'))], level=-1))),
    m(expr(at(ast.Lambda(args=args(kwonlyargs=[at(ast.arg(arg='a'))]), body=name('x'))))),
    m(expr(at(ast.Lambda(args=args(defaults=[name('x')]), body=name('x'))))),
    m(expr(at(ast.Lambda(args=args(args=[ast.arg()]), body=name('x'))))),
    m(at(ast.AnnAssign(target=at(ast.Attribute(value=name('x'), attr='y', ctx=ast.Store())), annotation=name('int'), simple=1))),
    m(expr(at(ast.Constant(value=1), line=3, end_line=2))), m(expr(at(ast.Constant(value=1), col=5, end_col=2))),
    m(expr(at(ast.Yield(value=name('x'))))), m(at(ast.Return(value=name('x')))), m(at(ast.Break())),
    m(expr(at(ast.JoinedStr(values=[at(ast.FormattedValue(value=name('x'), conversion=5))])))),
    m(at(ast.Match(subject=name('x'), cases=[]))),
    m(at(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=at(ast.MatchValue(value=name('y'))), body=[at(ast.Pass())])]))),
    m(at(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=at(ast.MatchSingleton(value=5)), body=[at(ast.Pass())])]))),
    ast.Expression(body=at(ast.Pass())), m(None), m(at(ast.Expr(value=None))), m(expr(at(ast.List(elts=[None], ctx=ast.Load())))),
    m(expr(at(ast.Call(func=name('f'), args=None, keywords=[])))), m(expr(at(ast.BinOp(left=name('x'), op=ast.Add, right=name('y'))))),
    m(expr(at(ast.Constant(value=1, kind=5)))), name('x'), m(at(ast.Nonlocal(names=['x']))),
    m(expr(at(ast.ListComp(elt=name('x'), generators=[ast.comprehension(target=name('x', ast.Store()), iter=name('y'), ifs=[], is_async='a')])))),
]
for tree in CASES:
    mode = 'eval' if isinstance(tree, ast.Expression) else 'exec'
    show(lambda: compile(tree, '<t>', mode))
t = ast.parse('x')
for call in [lambda: compile(t, 'f', 'eval'), lambda: compile(t, 'f', 'single'), lambda: compile(t, 'f', 'func_type'),
             lambda: compile(t, 'f', 'nope'), lambda: compile(5, 'f', 'exec', ast.PyCF_ONLY_AST),
             lambda: compile('x', 'f', 'exec', ast.PyCF_ONLY_AST, optimize=7)]:
    show(call)
