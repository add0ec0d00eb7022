# Files and directories through os: make, stat, list, rename, remove, and the OSError
# subclasses with errno, strerror and filename. Everything lives in a fresh directory.
import os
import stat

base = '/tmp/rpy-os-test-%d' % os.getpid()
old_umask = os.umask(0o022)
os.mkdir(base)


def rel(p):
    if isinstance(p, bytes):
        return 'bytes:' + os.fsdecode(p).replace(base, '<base>')
    return p.replace(base, '<base>') if isinstance(p, str) else p


def attempt(f, *args):
    try:
        f(*args)
        print('ok')
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, rel(e.filename), rel(e.filename2))


fd = os.open(os.path.join(base, 'a.txt'), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
print(os.write(fd, b'hello, world\n'), os.fstat(fd).st_size)
os.close(fd)
fd = os.open(os.path.join(base, 'a.txt'), os.O_RDWR | os.O_APPEND)
os.write(fd, b'more\n')
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR))
print(os.read(fd, 100), os.read(fd, 100))
os.close(fd)

st = os.stat(os.path.join(base, 'a.txt'))
print(st.st_size, oct(stat.S_IMODE(st.st_mode)), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(len(st), st[6] == st.st_size, st.st_nlink, type(st.st_mtime).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[stat.ST_MTIME], st.st_uid == os.getuid())

os.makedirs(os.path.join(base, 'd1', 'd2', 'd3'))
os.makedirs(os.path.join(base, 'd1', 'd2'), exist_ok=True)
attempt(os.makedirs, os.path.join(base, 'd1'))
for name in ['b.bin', 'd1/c.txt', 'd1/d2/e.txt']:
    fd = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, name.encode() * 3)
    os.close(fd)
os.symlink('a.txt', os.path.join(base, 'link'))
print(sorted(os.listdir(base)))
print(sorted(os.listdir(os.fsencode(base))))
with os.scandir(base) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e.name, rel(e.path), e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.stat().st_size if not e.is_dir() else '-')
print(os.readlink(os.path.join(base, 'link')), os.path.islink(os.path.join(base, 'link')))
print(stat.S_ISLNK(os.lstat(os.path.join(base, 'link')).st_mode))

for top, dirs, files in os.walk(base):
    dirs.sort()
    print(rel(top), dirs, sorted(files))
print([rel(t) for t, d, f in os.walk(base, topdown=False)][-1])

os.rename(os.path.join(base, 'b.bin'), os.path.join(base, 'renamed.bin'))
os.replace(os.path.join(base, 'renamed.bin'), os.path.join(base, 'a.txt'))
print(sorted(os.listdir(base)), os.path.getsize(os.path.join(base, 'a.txt')))
os.chmod(os.path.join(base, 'a.txt'), 0o640)
print(oct(stat.S_IMODE(os.stat(os.path.join(base, 'a.txt')).st_mode)))
os.utime(os.path.join(base, 'a.txt'), (1000000000, 1234567890.5))
st = os.stat(os.path.join(base, 'a.txt'))
print(st.st_mtime, st[8], st.st_mtime_ns, st.st_atime)

attempt(os.stat, os.path.join(base, 'missing'))
attempt(os.mkdir, base)
attempt(os.rmdir, os.path.join(base, 'd1'))
attempt(os.listdir, os.path.join(base, 'a.txt'))
attempt(os.unlink, os.path.join(base, 'd1'))
attempt(os.rename, os.path.join(base, 'nope'), os.path.join(base, 'x'))
attempt(os.open, os.path.join(base, 'nope', 'x'), os.O_RDONLY)
attempt(os.close, 987)
attempt(os.stat, os.fsencode(os.path.join(base, 'missing')))
for bad in [1.5, None, [1]]:
    try:
        os.stat(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    os.mkdir(1)
except TypeError as e:
    print('TypeError', e)

os.unlink(os.path.join(base, 'link'))
os.remove(os.path.join(base, 'a.txt'))
for top, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.unlink(os.path.join(top, f))
    for d in dirs:
        os.rmdir(os.path.join(top, d))
os.rmdir(base)
print(os.path.exists(base), os.access(base, os.F_OK))
os.umask(old_umask)
