# class: __getattribute__ intercepts all lookups; falls back to __getattr__ on AttributeError
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith('__'):
            print('get', name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f'fallback-{name}'
    def method(self):
        return self.x
l = Logged()
print(l.x)
print(l.method())
print(l.missing)
class Hide:
    secret = 's'
    def __getattribute__(self, name):
        if name == 'secret':
            raise AttributeError('hidden')
        return super().__getattribute__(name)
try:
    Hide().secret
except AttributeError as e:
    print('AttributeError', e)
print(Hide.secret)
