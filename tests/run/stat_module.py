import stat
import _stat

print(sorted(n for n in dir(_stat) if not n.startswith('_')))
for n in sorted(dir(_stat)):
    if n.isupper() and not callable(getattr(_stat, n)):
        print(n, getattr(_stat, n), getattr(stat, n) == getattr(_stat, n))

modes = [0o040755, 0o100644, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755, 0o104755,
         0o102755, 0o041777, 0o040776, 0o107000, 0o100000, 0o170777, 0, 0o7777, 2**32 - 1]
tests = ['S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISREG', 'S_ISFIFO', 'S_ISLNK', 'S_ISSOCK',
         'S_ISDOOR', 'S_ISPORT', 'S_ISWHT']
for m in modes:
    print(oct(m), _stat.filemode(m), stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m),
          [t for t in tests if getattr(_stat, t)(m)])
    print(stat.S_IMODE(m) == _stat.S_IMODE(m), stat.S_IFMT(m) == _stat.S_IFMT(m))

print(_stat.S_ISDIR(True), _stat.S_IMODE(True), type(_stat.S_ISREG(0o100000)).__name__)


class I(int):
    pass


print(_stat.S_IMODE(I(0o100755)))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


class Idx:
    def __index__(self):
        return 5


attempt('str', lambda: _stat.S_ISDIR('x'))
attempt('float', lambda: _stat.S_ISDIR(1.5))
attempt('index', lambda: _stat.S_IMODE(Idx()))
attempt('neg', lambda: _stat.S_ISDIR(-1))
attempt('neg imode', lambda: _stat.S_IMODE(-1))
attempt('neg filemode', lambda: _stat.filemode(-1))
attempt('2**32', lambda: _stat.S_ISDIR(2**32))
attempt('2**40', lambda: _stat.filemode(2**40))
attempt('2**70', lambda: _stat.S_ISDIR(2**70))
attempt('none', lambda: _stat.S_ISDIR())
attempt('two', lambda: _stat.S_ISDIR(1, 2))
attempt('kw', lambda: _stat.S_ISDIR(mode=1))
attempt('filemode none', lambda: _stat.filemode())
print(_stat.S_ISDIR.__name__, _stat.filemode.__name__)

import os
st = os.stat('.')
print(stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode)[0])
print(st[stat.ST_MODE] == st.st_mode)
