# str: encode, __len__, __contains__, __getitem__, __mul__, __mod__ dunders
s = 'hello'
print(s.__len__(), s.__contains__('ell'), s.__getitem__(1), s.__mul__(2), s.__rmul__(2), s.__add__('!'))
print('%s!'.__mod__('x'), str.__mod__('%d', 5), s.__eq__('hello'), s.__ne__(5), s.__lt__(5))
print(str.upper('abc'), str.join('-', ['a', 'b']), str.split('a b'), str.__name__, str.count.__name__)
print(s.__hash__() == hash(s), s.__str__() is not None, s.__repr__(), s.__format__('>7'))
print(s.encode(), s.encode('utf-16-be'), s.index('l'), s[1:].startswith('el'))
print(type(s.__iter__()).__name__, list(s.__reversed__()) if hasattr(s, '__reversed__') else 'no __reversed__')
print(str.__dict__['upper'] is str.upper if False else callable(str.upper), 'title' in dir(str))
