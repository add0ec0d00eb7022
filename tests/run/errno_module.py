import errno

names = [n for n in dir(errno) if n.startswith('E')]
print(len(names))
for n in names:
    print(n, getattr(errno, n))

print(len(errno.errorcode))
for code in sorted(errno.errorcode):
    print(code, errno.errorcode[code])
print(list(errno.errorcode.items())[:5])
print(errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN)
print(errno.errorcode[errno.ENOTSUP], errno.errorcode[errno.EDEADLK])
print(type(errno.errorcode).__name__, errno.__name__)

# errno values agree with the OSError subclasses
for code, cls in [(errno.ENOENT, FileNotFoundError), (errno.EEXIST, FileExistsError),
                  (errno.EACCES, PermissionError), (errno.EISDIR, IsADirectoryError),
                  (errno.ENOTDIR, NotADirectoryError), (errno.EAGAIN, BlockingIOError),
                  (errno.EINTR, InterruptedError), (errno.ECHILD, ChildProcessError),
                  (errno.EPIPE, BrokenPipeError), (errno.ETIMEDOUT, TimeoutError),
                  (errno.ESRCH, ProcessLookupError), (errno.ECONNREFUSED, ConnectionRefusedError)]:
    e = OSError(code, 'message')
    print(errno.errorcode[code], type(e).__name__, type(e) is cls, e.errno == code)

try:
    open('/nonexistent/dir/file')
except OSError as e:
    print(errno.errorcode[e.errno])
