# Text encodings with a byte order mark: utf-8-sig (BOM written once, skipped on reading,
# a lone partial BOM), utf-16/utf-32 positions after the BOM, appending without a new BOM.
import posix

d = '/tmp/rpy-io-test-%d' % posix.getpid()
posix.mkdir(d)
posix.chdir(d)
p = 'sig.txt'
with open(p, 'w', encoding='utf-8-sig') as f:
    print(f.encoding, f.write('héllo\n'), f.write('x\n'), f.tell())
print(open(p, 'rb').read())
with open(p, encoding='utf-8-sig') as f:
    print(f.tell(), repr(f.read(1)), f.tell(), repr(f.readline()), f.tell(), f.read())
    f.seek(0)
    print(repr(f.read()))
with open(p, encoding='utf-8') as f:
    print(repr(f.read()))
with open(p, 'a', encoding='utf-8-sig') as f:
    f.write('more\n')
print(open(p, 'rb').read())
with open(p, 'w', encoding='utf_8_sig') as f:
    pass
print(open(p, 'rb').read())
with open(p, 'wb') as f:
    f.write(b'no bom')
with open(p, encoding='utf-8-sig') as f:
    print(repr(f.read()))
with open(p, 'wb') as f:
    f.write(b'\xef\xbb')
with open(p, encoding='utf-8-sig', errors='replace') as f:
    print(repr(f.read()))

for enc in ['utf-16', 'utf-32', 'utf-16-be']:
    with open(p, 'w', encoding=enc) as f:
        f.write('ab\n')
        print(enc, f.tell())
    with open(p, 'a', encoding=enc) as f:
        f.write('cd\n')
    with open(p, 'rb') as f:
        print(f.read())
    with open(p, encoding=enc) as f:
        print(f.tell(), repr(f.readline()), f.tell(), repr(f.read()), f.tell())
        f.seek(0)
        print(repr(f.read(1)), f.tell())
posix.unlink(p)
posix.chdir('/')
posix.rmdir(d)
