# exc: OSError constructor maps errno to subclasses; attributes
cases = [(2, 'no file'), (13, 'perm'), (17, 'exists'), (21, 'isdir'), (20, 'notdir'), (32, 'pipe'), (11, 'again'),
         (110, 'timeout'), (111, 'refused'), (104, 'reset'), (3, 'srch'), (10, 'child'), (4, 'intr'), (9999, 'unknown')]
for errno_, msg in cases:
    e = OSError(errno_, msg)
    print(errno_, type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(2, 'No such file', 'path.txt')
print(type(e).__name__, e.filename, str(e), e.args)
e2 = OSError(2, 'x', 'a', None, 'b')
print(str(e2), e2.filename2)
print(str(OSError('just message')), OSError('m').errno, str(OSError()), OSError(1, 2, 3, 4, 5, 6).args)
print(type(FileNotFoundError(13, 'x')).__name__, str(FileNotFoundError('plain')))
try:
    raise OSError(2, 'missing')
except FileNotFoundError as ex:
    print('caught as FileNotFoundError', ex.errno)
