# exc: KeyError str uses repr of key; other exceptions str/repr formats
for k in ['a', 1, (1, 2), None, '', 'multi word']:
    e = KeyError(k)
    print(str(e), repr(e))
print(str(KeyError()), repr(KeyError()), str(KeyError('a', 'b')), repr(KeyError('a', 'b')))
print(str(ValueError('a')), repr(ValueError('a')), str(ValueError('a', 2)), repr(ValueError()), str(ValueError()))
print(repr(IndexError("it's")), repr(TypeError('say "x"')), str(Exception(None)), str(Exception([1])))
class MyErr(Exception):
    pass
print(repr(MyErr('m')), str(MyErr(1, 2)))
print(repr(StopIteration(5)), StopIteration(5).value, repr(SystemExit(3)), SystemExit(3).code)
print(repr(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
