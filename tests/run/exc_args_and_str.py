# exc: exception args manipulation and BaseException behavior
e = Exception('a', 'b')
print(e.args, str(e), len(e.args))
e.args = ['x']
print(e.args, str(e))
class E(Exception):
    def __init__(self):
        super().__init__('fixed', 'args')
print(E().args, str(E()))
class NoArgs(Exception):
    def __init__(self, *a):
        pass
n = NoArgs(1, 2)
print(n.args, repr(n))
b = BaseException('base')
print(isinstance(b, Exception), repr(b))
print(Exception('x') == Exception('x'), str(Exception('x')) == str(Exception('x')))
