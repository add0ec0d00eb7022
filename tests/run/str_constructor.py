# str: str() constructor with objects, bytes, encoding args
print(str(42), str(-1.5), str([1, 'a']), str((1,)), str({'k': 'v'}), str(None), str(True), str(b'ab'), str(str))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'abc', encoding='ascii'), str(b'\xff', 'utf-8', 'replace'), str(bytearray(b'xy'), 'ascii'))
class A:
    def __str__(self):
        return 'A-str'
    def __repr__(self):
        return 'A-repr'
class B:
    def __repr__(self):
        return 'B-repr'
print(str(A()), repr(A()), str(B()), [A(), B()], f'{A()}', f'{A()!r}', '%s %r' % (A(), A()))
class Bad:
    def __str__(self):
        return 42
try:
    str(Bad())
except TypeError as e:
    print('TypeError', e)
try:
    str(1, 'utf-8')
except TypeError as e:
    print('TypeError', e)
class S(str):
    pass
print(type(str(S('q'))).__name__, type(S('q')).__name__, S('q') == 'q')
