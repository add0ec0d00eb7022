# bytes: __bytes__ protocol, bytes() of buffer objects and subclassing bytes
class B:
    def __bytes__(self):
        return b'custom'
print(bytes(B()), b'%b' % B(), bytes(bytearray(b'ba')), bytes(memoryview(b'mv')))
class MyBytes(bytes):
    def shout(self):
        return self.upper() + b'!'
m = MyBytes(b'hey')
print(m, m.shout(), type(m).__name__, type(m + b'x').__name__, isinstance(m, bytes), m == b'hey', len(m))
class Bad:
    def __bytes__(self):
        return 'not bytes'
try:
    bytes(Bad())
except TypeError as e:
    print('TypeError', e)
print(bytes.__name__, bytearray.__name__, memoryview.__name__, issubclass(bytearray, bytes))
