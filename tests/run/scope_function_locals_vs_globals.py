# scope: local variable determination is static (whole function body)
x = 'global'
def uses_before_assign(flag):
    if flag:
        x = 'local'
    return x
print(uses_before_assign(True))
try:
    uses_before_assign(False)
except UnboundLocalError as e:
    print('UnboundLocalError', e)
def only_reads():
    return x
print(only_reads())
def aug():
    y = 1
    y += 1
    return y
print(aug())
def in_loop():
    for x in range(2):
        pass
    return x
print(in_loop(), x)
def import_local():
    import sys as x
    return x.__name__
print(import_local(), x)
