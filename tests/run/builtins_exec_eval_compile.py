# builtins: exec, eval and compile with strings and namespaces
print(eval('1 + 2 * 3'), eval('x * 2', {'x': 21}), eval('y', {}, {'y': 'local'}), eval('len(s)', {'s': 'abcd'}))
ns = {}
exec('a = 5\nb = a * 2\ndef f(n):\n    return n + b', ns)
print(ns['a'], ns['b'], ns['f'](1), sorted(k for k in ns if k != '__builtins__'))
code = compile('3 ** 4', '<expr>', 'eval')
print(type(code).__name__, eval(code), code.co_filename)
code2 = compile('for i in range(3): total += i', '<loop>', 'exec')
env = {'total': 10}
exec(code2, env)
print(env['total'])
single = compile('1 + 1', '<s>', 'single')
exec(single, {})
g = {'__builtins__': {}}
try:
    eval('len([])', g)
except NameError as e:
    print('NameError', e)
print(eval('[x for x in range(3)]'), eval('(lambda q: q * 3)(7)'))
x = 'module'
def scope_test():
    x = 'function'
    return eval('x'), eval('x', globals())
print(scope_test())
print(exec('1'), eval('None'))
