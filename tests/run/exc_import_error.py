# exc: ImportError / ModuleNotFoundError messages and attributes
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name)
e = ImportError('msg', name='n', path='p')
print(e, e.name, e.path, repr(e))
