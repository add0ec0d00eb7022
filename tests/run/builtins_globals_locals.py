# builtins: globals() and locals() at module, function and class level
gv = 'global value'
print(globals()['gv'], 'gv' in globals(), globals() is locals())
globals()['injected'] = 42
print(injected)
def f(arg):
    local_v = 1
    l = locals()
    return sorted(l.items())
print(f('a'))
class C:
    x = 1
    y = 2
    names = sorted(k for k in locals() if not k.startswith('__'))
print(C.names)
def g():
    return 'gv' in globals(), 'gv' in locals()
print(g())
print(__name__, type(globals()).__name__)
