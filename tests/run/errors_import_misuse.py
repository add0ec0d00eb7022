# errors: import of missing modules and names
try:
    import definitely_not_a_module_123
except ImportError as e:
    print(type(e).__name__, e)
try:
    from gc import no_such_function
except ImportError as e:
    print(type(e).__name__, e)
try:
    import sys.path
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__('')
except ValueError as e:
    print(type(e).__name__, e)
