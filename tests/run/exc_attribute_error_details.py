# exc: AttributeError name and obj attributes (3.10+)
class C:
    pass
c = C()
try:
    c.missing
except AttributeError as e:
    print(e.name, e.obj is c, str(e))
try:
    getattr(5, 'nope')
except AttributeError as e:
    print(e.name, e.obj, str(e))
try:
    raise AttributeError('manual')
except AttributeError as e:
    print(e.name, e.obj, str(e))
try:
    undefined_var_xyz
except NameError as e:
    print(e.name, str(e))
