# os.path (posixpath): pure string functions, then the ones that ask the file system,
# inside a fresh directory.
import os
import os.path

j = os.path.join
print(j('a', 'b', 'c'), j('/a', '/b', 'c'), j('a/', 'b'), j('', 'x'), j(b'a', b'b'))
print(os.path.split('/usr/lib/x.py'), os.path.split('x'), os.path.split('/'), os.path.split('a/b/'))
print(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'))
print(os.path.basename('/a/b/c.txt'), os.path.dirname('/a/b/c.txt'), os.path.dirname('c'))
for p in ['a//b/./c/../d', '/../x', '', '.', '//a', '///a/b/', 'a/../..', b'/x/./y/../z']:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.isabs(b'/'))
print(os.path.commonprefix(['/usr/lib', '/usr/local', '/usr']), os.path.commonpath(['/usr/lib', '/usr/local']))
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError', e)
print(os.path.relpath('/a/b/c', '/a/d'), os.path.relpath('/a', '/a'), os.path.relpath('/x/y', '/'))
print(os.path.splitdrive('/a/b'), os.path.normcase('A/B'), os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.devnull)
try:
    j('a', 1)
except TypeError as e:
    print('TypeError', e)
try:
    j('a', b'b')
except TypeError as e:
    print('TypeError', e)

os.environ['HOME'] = '/home/rpy-test'
os.environ['RPY_TEST_DIR'] = 'data'
print(os.path.expanduser('~/x'), os.path.expanduser('~'), os.path.expanduser('x/~'))

cwd = os.getcwd()
base = '/tmp/rpy-os-path-%d' % os.getpid()
os.mkdir(base)
os.chdir(base)
print(os.getcwd() == base, os.path.abspath('x/../y') == base + '/y', os.path.abspath('/q/./r'))
fd = os.open('f.txt', os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b'12345')
os.close(fd)
os.mkdir('sub')
os.symlink('f.txt', 'ln')
os.symlink('nowhere', 'dangling')
for p in ['f.txt', 'sub', 'ln', 'dangling', 'missing']:
    print(p, os.path.exists(p), os.path.lexists(p), os.path.isfile(p), os.path.isdir(p),
          os.path.islink(p))
print(os.path.getsize('f.txt'), os.path.getsize('ln'))
print(os.path.realpath('ln') == base + '/f.txt', os.path.realpath('sub/../ln') == base + '/f.txt')
print(os.path.samefile('f.txt', 'ln'), os.path.samefile('f.txt', 'sub'))
print(os.path.ismount('/'), os.path.ismount('sub'))
print(os.path.getmtime('f.txt') == os.stat('f.txt').st_mtime)
try:
    os.path.getsize('missing')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
for name in ['ln', 'dangling', 'f.txt']:
    os.unlink(name)
os.rmdir('sub')
os.chdir(cwd)
os.rmdir(base)
print(os.path.exists(base), os.getcwd() == cwd)
