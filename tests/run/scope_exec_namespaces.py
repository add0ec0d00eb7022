# scope: exec/eval with separate globals and locals dictionaries
g = {'x': 1}
l = {'y': 2}
exec('z = x + y', g, l)
print(sorted(k for k in g if k != '__builtins__'), l)
exec('def f():\n    return x\nr = f()', g, l)
print(l['r'])
try:
    exec('def f2():\n    return y\nr2 = f2()', g, l)
except NameError as e:
    print('NameError', e)
code = 'global gv\ngv = 99'
exec(code, g, l)
print(g.get('gv'), 'gv' in l)
print(eval('x + y', g, l))
