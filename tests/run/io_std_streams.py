# The standard streams are io.TextIOWrapper objects with a binary buffer underneath.
import io
import sys

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(repr(s), type(s).__name__, isinstance(s, io.TextIOWrapper), isinstance(s, io.TextIOBase))
    print(s.name, s.mode, s.encoding, s.fileno(), s.readable(), s.writable(), s.closed)
print(sys.stderr.errors, sys.stdout.newlines)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(isinstance(sys.stdout.buffer, io.BufferedIOBase) or isinstance(sys.stdout.buffer, io.RawIOBase))

print('text before bytes')
sys.stdout.flush()
sys.stdout.buffer.write(b'bytes through the buffer\n')
sys.stdout.buffer.flush()
print('text after bytes', flush=True)
print(sys.stdout.write('written\n'), sys.stdout.write(''))
sys.stdout.writelines(['one ', 'two\n'])
sys.stdout.flush()
print('unicode: é € 𝄞')
sys.stderr.write('to stderr\n')
print('to stderr via print', file=sys.stderr)
try:
    sys.stdout.write(b'x')
except TypeError as e:
    print('TypeError', e)
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)

# Replacing sys.stdout redirects print().
saved = sys.stdout
sys.stdout = io.StringIO()
print('captured', 1, 2)
captured = sys.stdout.getvalue()
sys.stdout = saved
print(repr(captured))
