# io.BytesIO: reading, writing, positions, readinto, getbuffer, subclasses.
import io

b = io.BytesIO()
print(b.write(b'hello'), b.write(bytearray(b' world')), b.write(memoryview(b'!')), b.tell())
print(b.getvalue(), b.read(), b.seek(0), b.read(5), b.read1(1), b.read())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed, b.flush())
b.seek(2)
b.write(b'LL')
print(b.getvalue(), b.tell())
b.seek(15)
b.write(b'#')
print(b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
print(b.seek(-2, 2), b.read(), b.seek(-100, 1), b.seek(3, 0), b.seek(1, 1), b.tell())

b = io.BytesIO(b'line one\nline two\nlast')
print(b.readline(), b.readline(4), b.readline(), b.readline(), b.readline())
b.seek(0)
print(b.readlines())
b.seek(0)
print(b.readlines(12))
b.seek(0)
print(list(b))
b.seek(0)
buf = bytearray(4)
print(b.readinto(buf), buf, b.tell())
mv = memoryview(bytearray(3))
print(b.readinto(mv), bytes(mv))
print(b.read(None), b.read(-1), b.read(3))

b = io.BytesIO(b'abc')
print(b.read(0), b.getvalue(), b.tell())
b.writelines([b'1', bytearray(b'2')])
print(b.getvalue())
view = b.getbuffer()
print(len(view), bytes(view))
del view

with io.BytesIO(b'ctx') as b:
    print(b.read())
print(b.closed)
try:
    b.read()
except ValueError as e:
    print('ValueError', e)

# Through the buffered and text layers.
raw = io.BytesIO(b'x\ny\n')
t = io.TextIOWrapper(raw, encoding='ascii')
print(t.readline(), t.read(), t.tell())
data = io.BytesIO()
t = io.TextIOWrapper(data, encoding='utf-16-le', newline='\r\n')
t.write('hi\n')
t.flush()
print(data.getvalue())
br = io.BufferedReader(io.BytesIO(b'buffered bytes'), 4)
print(br.read(3), br.peek(2)[:2], br.read1(2), br.read())

# Subclasses.
class Counting(io.BytesIO):
    def __init__(self, *a):
        super().__init__(*a)
        self.writes = 0
    def write(self, data):
        self.writes += 1
        return super().write(data)

c = Counting(b'init')
c.seek(0, 2)
c.write(b'+1')
c.writelines([b'+2', b'+3'])
print(c.getvalue(), c.writes, isinstance(c, io.BufferedIOBase))
print(issubclass(io.BytesIO, io.BufferedIOBase), io.BytesIO.__mro__[1:])
