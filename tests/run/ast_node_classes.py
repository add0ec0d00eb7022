# The _ast node classes: hierarchy, _fields/_attributes/__match_args__, class-level defaults, docs, constructors, copy/pickle, subclassing, matching on nodes
import _ast
import ast
import copy
import pickle

names = sorted(n for n in dir(_ast) if not n.startswith('__'))
print(len(names), names[:8], names[-8:])
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, ast.AST is _ast.AST)
for n in names:
    cls = getattr(_ast, n)
    if isinstance(cls, type):
        own = sorted(k for k, v in vars(cls).items() if v is None and k != '__doc__')
        print(n, cls.__base__.__name__, cls._fields, cls._attributes, cls.__match_args__ == cls._fields, own)
print(ast.AST.__module__, ast.Name.__module__, ast.Name.__qualname__, repr(ast.Name), ast.AST.__doc__)
print(ast.Name.__doc__, '|', ast.cmpop.__doc__)
print([c.__name__ for c in ast.Name.__mro__], issubclass(ast.Load, ast.expr_context), isinstance(ast.Add(), ast.operator))
print(ast.expr.end_lineno, ast.arg.type_comment, ast.Constant.kind, ast.ImportFrom.level, ast.keyword.arg)

n = ast.Name('x', ast.Load())
print(n.id, type(n.ctx).__name__, n.__dict__.keys(), ast.Name(id='y').__dict__)
r = ast.Return()
print(r.value, hasattr(r, 'lineno'), r.end_lineno)
n.extra = 5
print(n.extra, sorted(vars(n)))
print(type(n).__reduce__(n)[0] is ast.Name, ast.Load().__reduce__())

tree = ast.parse('def f(a, b=1): return a + b')
for clone in (copy.copy(tree), copy.deepcopy(tree), pickle.loads(pickle.dumps(tree))):
    print(ast.dump(clone, include_attributes=True) == ast.dump(tree, include_attributes=True), clone is tree)
print(copy.deepcopy(tree).body[0] is tree.body[0], copy.copy(tree).body is tree.body)

class MyNode(ast.AST):
    _fields = ('left', 'right')
m = MyNode(1, right=2)
print(m.left, m.right, MyNode._attributes)
try:
    MyNode(1, 2, 3)
except TypeError as e:
    print(e)
class Weird(ast.AST):
    _fields = None
try:
    Weird(1)
except TypeError as e:
    print(e)
class NameSub(ast.Name):
    pass
ns = NameSub('z', ast.Load(), lineno=1, col_offset=0)
print(ast.dump(ns), eval(compile(ast.Expression(body=ns), '<s>', 'eval'), {'z': 'zz'}))

for node in ast.walk(ast.parse('x = f(1, y=2) + g[0]')):
    match node:
        case ast.Call(ast.Name(id=fn), [ast.Constant(value=v)], [ast.keyword(arg=k)]):
            print('call', fn, v, k)
        case ast.Subscript(value=ast.Name(id=base)):
            print('subscript', base)
        case ast.BinOp(op=ast.Add()):
            print('add')
ast.AST.marker = 'class attr'
print(ast.Name().marker)
del ast.AST.marker
print(hasattr(ast.Name(), 'marker'))
