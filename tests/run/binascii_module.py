# binascii: hex, base64, uu, quoted-printable, CRCs, errors and argument handling.
import binascii as B


def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


print(sorted(n for n in dir(B) if not n.startswith('__')))
print(B.Error.__mro__, B.Incomplete.__mro__, B.Error.__module__, B.Incomplete.__module__)
print(issubclass(B.Error, ValueError), B.hexlify is not B.b2a_hex)

# hex
attempt('hexlify', B.hexlify, b'\x01\xab\xff')
attempt('hexlify sep', B.hexlify, b'\x01\xab\xff\x00', '-')
attempt('hexlify sep 2', B.hexlify, b'\x01\xab\xff\x00\x11', b':', 2)
attempt('hexlify sep -2', B.hexlify, b'\x01\xab\xff\x00\x11', ':', -2)
attempt('hexlify sep 10', B.hexlify, b'abcde', ':', 10)
attempt('hexlify sep -10', B.hexlify, b'abcde', ':', -10)
attempt('hexlify sep 0', B.hexlify, b'\x01\xab', sep=':', bytes_per_sep=0)
attempt('hexlify long sep', B.hexlify, b'\x01\xab', sep='::')
attempt('hexlify latin sep', B.hexlify, b'ab', 'é')
attempt('hexlify wide sep', B.hexlify, b'ab', '\u20ac')
attempt('hexlify byte sep', B.hexlify, b'abc', b'\xff')
attempt('hexlify int sep', B.hexlify, b'ab', sep=1)
attempt('hexlify None sep', B.hexlify, b'ab', None)
attempt('hexlify empty sep', B.hexlify, b'abc', '')
attempt('hexlify list sep', B.hexlify, b'abc', [1])
attempt('hexlify bytearray sep', B.hexlify, b'abc', bytearray(b':'))
attempt('hexlify huge per', B.hexlify, b'abc', ':', 2**40)
attempt('hexlify empty', B.hexlify, b'', sep=':')
attempt('hexlify str', B.hexlify, 'abc')
attempt('hexlify bytearray', B.hexlify, bytearray(b'ab'))
attempt('hexlify memoryview', B.hexlify, memoryview(b'ab'))
attempt('hexlify none', B.hexlify)
attempt('b2a_hex dup', B.b2a_hex, b'ab', data=1)
attempt('b2a_hex 4', B.b2a_hex, b'', ':', 1, 2)
attempt('b2a_hex kw', B.b2a_hex, data=b'\x10\x20', sep=' ')
attempt('unhexlify', B.unhexlify, b'01abFF')
attempt('unhexlify str', B.unhexlify, '01abFF')
attempt('unhexlify odd', B.unhexlify, '01abF')
attempt('unhexlify bad', B.unhexlify, '01abFg')
attempt('unhexlify nonascii', B.unhexlify, 'é1')
attempt('unhexlify int', B.unhexlify, 1)
attempt('a2b_hex kw', B.a2b_hex, hexstr=b'41')
attempt('a2b_hex none', B.a2b_hex)
attempt('a2b_hex 2', B.a2b_hex, b'', b'')
print(B.unhexlify(B.hexlify(bytes(range(256)))) == bytes(range(256)))

# base64
attempt('b2a_base64', B.b2a_base64, b'hello world')
attempt('b2a_base64 no newline', B.b2a_base64, b'hello world', newline=False)
attempt('b2a_base64 empty', B.b2a_base64, b'')
attempt('b2a_base64 empty no nl', B.b2a_base64, b'', newline=False)
attempt('b2a_base64 positional flag', B.b2a_base64, b'a', False)
attempt('b2a_base64 str', B.b2a_base64, 'a')
attempt('b2a_base64 none', B.b2a_base64)
attempt('b2a_base64 list flag', B.b2a_base64, b'abc', newline=[])
attempt('b2a_base64 huge flag', B.b2a_base64, b'abc', newline=2**100)
for n in range(8):
    print(n, B.b2a_base64(bytes(range(250, 250 + n)) if n < 6 else bytes(n)))
print(B.b2a_base64(bytes(range(256)) * 2))
for s in ['aGVsbG8gd29ybGQ=\n', 'aGVsbG8gd29ybGQ', 'aGVsbG8gd29ybG', 'a', 'aGVsbG8*gd29ybGQ=',
          '=aGVs', 'aGVs=', 'aGV=s', 'aG==', 'aG=', 'aG===', 'aG==x', 'aGVsbA==', 'aG=x=', 'a===',
          'ab=c', '', '====', 'abcde', 'abcdef', 'ab\ncd', 'aG=x==', 'aG=x', 'aGVs==', 'YQ',
          'YQ==YQ==', b'\xff\xfe', b'ab\xffcd', 'é', memoryview(b'YWJj'), bytearray(b'YWJj')]:
    label = type(s).__name__ if isinstance(s, memoryview) else repr(s)
    attempt('a2b_base64 ' + label, B.a2b_base64, s)
    attempt('a2b_base64 strict ' + label, B.a2b_base64, s, strict_mode=True)
attempt('a2b_base64 2 pos', B.a2b_base64, b'', True)
attempt('a2b_base64 int flag', B.a2b_base64, 'aGVs', strict_mode=2)
attempt('a2b_base64 list flag', B.a2b_base64, 'aGVs', strict_mode=[])
attempt('a2b_base64 int', B.a2b_base64, 5)
print(B.a2b_base64(B.b2a_base64(bytes(range(256)))) == bytes(range(256)))

# CRCs
for args in [(b'hello',), (b'hello', 12345), (b'hello', -1), (b'hello', 2**40), (b'',),
             (b'abc', True), (b'abc', -2**70), (bytes(range(256)) * 10,)]:
    attempt('crc32 %r' % (args[1:],), B.crc32, *args)
crc = 0
for chunk in (b'The quick ', b'brown fox ', b'jumps'):
    crc = B.crc32(chunk, crc)
print(crc == B.crc32(b'The quick brown fox jumps'), crc)
for args in [(b'hello', 0), (b'hello', 0xffff), (b'hello', 0x1ffff), (b'hello', -1),
             (b'abc', 2**70), (bytes(range(256)), 0x1234)]:
    attempt('crc_hqx %r' % (args[1:],), B.crc_hqx, *args)
attempt('crc32 str', B.crc32, 'hello')
attempt('crc32 float', B.crc32, b'', 1.5)
attempt('crc32 none', B.crc32)
attempt('crc32 3', B.crc32, b'', 1, 2)
attempt('crc32 kw', B.crc32, data=b'')
attempt('crc_hqx 1', B.crc_hqx, b'hello')
attempt('crc_hqx str crc', B.crc_hqx, b'', 'x')

# uuencode
attempt('b2a_uu', B.b2a_uu, b'hello world')
attempt('b2a_uu backtick', B.b2a_uu, b'hello world', backtick=True)
attempt('b2a_uu empty', B.b2a_uu, b'')
attempt('b2a_uu empty backtick', B.b2a_uu, b'', backtick=True)
attempt('b2a_uu 45', B.b2a_uu, b'a' * 45)
attempt('b2a_uu 46', B.b2a_uu, b'a' * 46)
attempt('b2a_uu kw data', B.b2a_uu, data=b'')
attempt('b2a_uu none', B.b2a_uu)
attempt('b2a_uu 2', B.b2a_uu, b'', b'')
attempt('b2a_uu 3', B.b2a_uu, b'', backtick=True, x=1)
for s in [b'+:&5L;&\\@=V]R;&0`\n', b'+:&5L;&\\@=V]R;&0 \n', '+:&5L;&\\@=V]R;&0 \n', b'', b'\n',
          b' ', b'`', b'!', b'+:&5L', b'#86)C   xx', b'#86)Cxx', b'#86)C\x7f', b'\x7f',
          b'#86)C    x', b'#86)C``\r\n', b'#\x1f']:
    attempt('a2b_uu %r' % (s,), B.a2b_uu, s)
attempt('a2b_uu none', B.a2b_uu)
attempt('a2b_uu 2', B.a2b_uu, b'', b'')
attempt('a2b_uu kw', B.a2b_uu, data=b'')
for n in (0, 1, 2, 3, 44, 45):
    data = bytes(range(100, 100 + n))
    print(n, B.a2b_uu(B.b2a_uu(data)) == data, B.a2b_uu(B.b2a_uu(data, backtick=True)) == data)

# quoted-printable
for args, kw in [((b'hello = world\t\nfoo  \n',), {}), ((b'hello = world\t\nfoo  \n',), {'quotetabs': True}),
                 ((b'hello world_x',), {'header': True}), ((b'\xff\x00abc\r\nx',), {}),
                 ((b'\xff\x00abc\r\nx',), {'istext': False}), ((b'a' * 100,), {}),
                 ((b'.\nfrom\n',), {}), ((b'a\rb\nc\r\n',), {}), ((b'a ',), {}), ((b'a\t',), {}),
                 ((b'a' * 75 + b'\n',), {}), ((b'a' * 76 + b'\n',), {}), ((b'a' * 74 + b'=',), {}),
                 ((b'a' * 80,), {'istext': False}), ((b'x\r\ny \r\nz',), {}), ((b'.',), {}),
                 ((b'\n.\r\n',), {}), ((b'a\x00b.\x00',), {}), ((b' ',), {'header': True}),
                 ((b'a_ b',), {'header': True, 'quotetabs': True}), ((b'', 1, 0, 1), {}),
                 (((b'word ' * 40) + b'\r\n' + b'x' * 200,), {})]:
    attempt('b2a_qp %r %r' % (args, kw), B.b2a_qp, *args, **kw)
attempt('b2a_qp float flag', B.b2a_qp, b'abc', quotetabs=2.5)
attempt('b2a_qp 5', B.b2a_qp, b'abc', 1, 1, 1, 1)
attempt('b2a_qp none', B.b2a_qp)
for s, kw in [(b'hello=20world=\nfoo=3D=3d=xy', {}), (b'a_b', {'header': True}), (b'a_b', {}),
              ('a=41', {}), (b'a=', {}), (b'a=\r\nb', {}), (b'=4', {}), (b'=A', {}), (b'=a1=', {}),
              (b'=\r\nab=\rcd= \nx', {}), (b'a=\r', {}), (b'a==41', {})]:
    attempt('a2b_qp %r %r' % (s, kw), B.a2b_qp, s, **kw)
attempt('a2b_qp none', B.a2b_qp)
attempt('a2b_qp 3', B.a2b_qp, b'', 1, 2)
attempt('a2b_qp bad kw', B.a2b_qp, b'', x=2)
attempt('a2b_qp list header', B.a2b_qp, data=b'abc', header=[])
text = bytes(range(256)) * 2
print(B.a2b_qp(B.b2a_qp(text, istext=False)) == text)
