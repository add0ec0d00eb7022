# builtins: None, True, False, Ellipsis, NotImplemented, __debug__, and their types
print(None, True, False, Ellipsis, ..., NotImplemented, __debug__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, ... is Ellipsis)
print(bool(None), bool(...), repr(...), str(Ellipsis))
x = [1, 2, 3]
print(x[...] if False else 'skip', [...], {...: 1})
def stub():
    ...
print(stub())
print(NotImplemented == NotImplemented, None == False, None is None)
