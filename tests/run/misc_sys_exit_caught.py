# misc: SystemExit can be caught, inspected and re-raised with a different code
import sys
for arg in [0, 5, 'msg', None, (1, 2)]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), '->', repr(e.code), e.args)
try:
    raise SystemExit
except SystemExit as e:
    print('bare SystemExit code', e.code)
print('final exit with 7')
raise SystemExit(7)
