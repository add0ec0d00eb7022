# builtins: repr of builtin functions, types and special objects
print(repr(len), repr(print), repr(int), repr(object), repr(type), repr(None), repr(...), repr(NotImplemented))
print(repr(range(1, 5, 2)), repr(slice(1, None)), repr(frozenset()), repr(set()), repr(bytearray(b'a')), repr(memoryview) )
print(repr(ValueError), repr(ValueError('x')), repr(dict.get).startswith('<method'), repr(str.upper), repr([].append).startswith('<built-in method append'))
print(repr(int.__add__), repr(type(None)), repr(type(...)), repr(type(NotImplemented)))
