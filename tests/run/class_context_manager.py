# class: __enter__/__exit__ context managers, exception suppression and nesting
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('outer'), CM('inner') as i:
    print('nested body', i)
with CM('s', suppress=True):
    raise ValueError('swallowed')
print('after suppressed')
try:
    with CM('p'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)
def f():
    with CM('ret'):
        return 'returned'
print(f())
for i in range(3):
    with CM(f'loop{i}'):
        if i == 1:
            continue
        if i == 2:
            break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
