# errors: NameError messages for undefined globals, locals and builtins typos
try:
    print(undefined_variable)
except NameError as e:
    print(type(e).__name__, e)
def f():
    return also_undefined + 1
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
class C:
    try:
        unknown_in_class
    except NameError as e:
        print(type(e).__name__, e)
try:
    eval('nope_name')
except NameError as e:
    print(type(e).__name__, e)
try:
    exec('xyz = xyz + 1')
except NameError as e:
    print(type(e).__name__, e)
