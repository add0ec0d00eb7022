# hashlib over the built-in hash modules (_md5, _sha1, _sha256, _sha512, _sha3, _blake2).
import hashlib
import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512


def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


print(hashlib.sha256(b'abc').hexdigest())
print(hashlib.md5(b'abc').hexdigest(), hashlib.sha1(b'abc').hexdigest())
print(hashlib.new('sha512', b'abc').hexdigest(), hashlib.new('SHA256').name, hashlib.new('sha3_256').name)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.blake2b(b'abc', digest_size=8).hexdigest(), hashlib.shake_128(b'x').hexdigest(5))
print(hashlib.md5(usedforsecurity=False).hexdigest(), hashlib.sha1(usedforsecurity=True).name)
attempt('new unknown', hashlib.new, 'nope')
import io
print(hashlib.file_digest(io.BytesIO(b'hello' * 1000), 'sha256').hexdigest())
print(hashlib.file_digest(io.BytesIO(b'data'), hashlib.sha1).hexdigest())

messages = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 111, b'a' * 112,
            b'a' * 127, b'a' * 128, b'a' * 129, bytes(range(256)) * 5]
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256',
             'sha3_384', 'sha3_512', 'blake2b', 'blake2s'):
    ctor = getattr(hashlib, name)
    for m in messages:
        h = ctor(m)
        print(h.name, len(m), h.hexdigest(), h.digest_size, h.block_size)
    h = ctor()
    for m in messages:
        h.update(m)
    c = h.copy()
    c.update(b'x')
    print('incremental', h.hexdigest(), c.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))

for name in ('shake_128', 'shake_256'):
    for m in messages:
        h = getattr(_sha3, name)(m)
        assert h.hexdigest(9) == getattr(hashlib, name)(m).hexdigest(9)
        print(h.name, h.hexdigest(0), h.hexdigest(7), h.hexdigest(200), h.digest(300)[-5:])
    print(h._capacity_bits, h._rate_bits, h._suffix, h.digest_size, h.block_size)
print(_sha3.sha3_256()._capacity_bits, _sha3.sha3_512()._rate_bits, _sha3.sha3_224()._suffix,
      _sha3.implementation)

for kw in [dict(key=b'key'), dict(key=b'k' * 32), dict(salt=b'salty'), dict(person=b'me'),
           dict(digest_size=20), dict(fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**40,
                                      node_depth=7, inner_size=12, last_node=True),
           dict(key=b'', salt=b'', person=bytearray(b'ab'))]:
    for f in (hashlib.blake2b, hashlib.blake2s):
        for m in (b'', b'abc', b'x' * 64, b'x' * 128, b'x' * 1000):
            attempt(f.__name__ + ' ' + repr(sorted(kw)), lambda: f(m, **kw).hexdigest())
print(_blake2.blake2b.SALT_SIZE, _blake2.blake2b.PERSON_SIZE, _blake2.blake2b.MAX_KEY_SIZE,
      _blake2.blake2b.MAX_DIGEST_SIZE, _blake2.blake2s.SALT_SIZE, _blake2.blake2s.MAX_KEY_SIZE,
      _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2B_MAX_DIGEST_SIZE)

# the modules and their errors
print(sorted(n for n in dir(_md5) if not n.startswith('__')),
      sorted(n for n in dir(_sha1) if not n.startswith('__')),
      sorted(n for n in dir(_sha256) if not n.startswith('__')),
      sorted(n for n in dir(_sha512) if not n.startswith('__')),
      sorted(n for n in dir(_blake2) if not n.startswith('__')))
print(_md5.md5, _sha256.sha224, type(_sha512.sha384()), _sha256.SHA256Type, _md5.MD5Type)
attempt('md5 str', _md5.md5, 'abc')
attempt('md5 2 args', _md5.md5, b'a', b'b')
attempt('md5 string kw', lambda: _md5.md5(string=b'abc').hexdigest())
attempt('md5 dup', _md5.md5, b'abc', string=b'x')
attempt('md5 bad kw', _md5.md5, x=1)
attempt('md5 int', _md5.md5, 1)
attempt('md5 memoryview', lambda: _md5.md5(memoryview(b'abc')).hexdigest())
attempt('md5 bytearray', lambda: _md5.md5(bytearray(b'abc'), usedforsecurity=False).hexdigest())
h = _sha256.sha256()
attempt('update none', h.update)
attempt('update str', h.update, 'x')
attempt('update 2', h.update, b'x', b'y')
attempt('update kw', h.update, data=b'x')
attempt('instantiate', type(h))
attempt('digest arg', h.digest, 1)
attempt('set name', setattr, h, 'name', 'x')
print(repr(type(h)), _sha256.sha256.__name__)
attempt('sha3 str', _sha3.sha3_256, 'x')
attempt('sha3 2 args', _sha3.sha3_256, b'x', b'y')
attempt('sha3 data kw', _sha3.sha3_256, data=b'x')
attempt('shake digest none', _sha3.shake_128(b'').digest)
attempt('shake digest -1', _sha3.shake_128(b'').digest, -1)
attempt('shake digest huge', _sha3.shake_128(b'').hexdigest, 2**40)
attempt('shake digest kw', _sha3.shake_128(b'').digest, length=3)
attempt('shake digest str', _sha3.shake_128(b'').digest, 'x')
for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b'x' * 65), dict(salt=b'x' * 17),
           dict(person=b'x' * 17), dict(fanout=256), dict(depth=0), dict(leaf_size=2**32),
           dict(node_offset=2**64), dict(node_depth=256), dict(inner_size=65),
           dict(leaf_size=-1), dict(digest_size=2**40), dict(key='x'), dict(fanout='x')]:
    attempt('blake2b ' + repr(kw)[:40], _blake2.blake2b, **kw)
attempt('blake2s node_offset', _blake2.blake2s, node_offset=2**48)
attempt('blake2s digest_size', _blake2.blake2s, digest_size=33)
attempt('blake2b 2 args', _blake2.blake2b, b'', b'')
attempt('blake2b data kw', _blake2.blake2b, data=b'')
attempt('blake2b str', _blake2.blake2b, 'abc')
print(_blake2.blake2b().copy().name, type(_blake2.blake2s()).__name__)
