# exc: UnicodeEncodeError/DecodeError attributes
try:
    'aé'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
    print(str(e))
try:
    b'a\xc3'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(str(e))
e = UnicodeDecodeError('ascii', b'\xff\xfe', 0, 2, 'bad')
print(str(e))
print(issubclass(UnicodeError, ValueError), UnicodeEncodeError.__mro__[1].__name__)
