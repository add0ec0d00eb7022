# base64 over binascii and struct: every codec, options and errors.
import base64
import binascii


def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


data = b'The quick brown fox \x00\xff\xfe jumps'
codecs = [(base64.b64encode, base64.b64decode), (base64.standard_b64encode, base64.standard_b64decode),
          (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode),
          (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode),
          (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode)]
for enc, dec in codecs:
    for d in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', data, bytes(range(256))):
        e = enc(d)
        print(enc.__name__, len(d), e if len(e) < 80 else e[:40] + b'...', dec(e) == d)
print(base64.encodebytes(data * 5))
print(base64.decodebytes(base64.encodebytes(data * 5)) == data * 5)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('+/8=', validate=True))
print(base64.b64decode(b'-_8=', altchars=b'-_'), base64.b64decode('Zm9v\nYmFy'))
attempt('b64decode unpadded', base64.b64decode, 'abc')
attempt('b64decode validate', base64.b64decode, 'abc', validate=True)
attempt('b64decode junk', base64.b64decode, 'a*bc=', validate=True)
attempt('b64decode nonascii', base64.b64decode, 'é')
attempt('b64encode str', base64.b64encode, 'abc')
attempt('b32decode bad', base64.b32decode, b'MFRGG==')
attempt('b32decode junk', base64.b32decode, b'MFRGG!==')
attempt('b16decode lower', base64.b16decode, b'ff')
attempt('b16decode odd', base64.b16decode, b'F')
attempt('a85decode junk', base64.a85decode, b'ab\x00')
attempt('b85decode junk', base64.b85decode, b'|Nsd~')
print(base64.a85encode(b'hello world', foldspaces=True, wrapcol=10, pad=True, adobe=True))
print(base64.a85decode(b'<~BOu!rD]j7BEbo7~>', adobe=True), base64.a85encode(b'    ', foldspaces=True))
print(base64.a85encode(b'\x00' * 8), base64.a85decode(b'zz'))
print(base64.b32decode(b'mfrgg===', casefold=True), base64.b16decode(b'ff', casefold=True),
      base64.b32decode(b'MFRGG===', map01=b'L'))
print(base64.b85encode(b'hello', pad=True), base64.b85decode(base64.b85encode(b'hello', pad=True)))
import io
out = io.BytesIO()
base64.encode(io.BytesIO(data * 4), out)
print(out.getvalue())
back = io.BytesIO()
base64.decode(io.BytesIO(out.getvalue()), back)
print(back.getvalue() == data * 4)
print(binascii.b2a_base64(data), base64.b64encode(data) + b'\n' == binascii.b2a_base64(data))
