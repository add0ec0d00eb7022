# builtins: print with sep, end, file=sys.stderr and flush
import sys
print('a', 'b', 'c')
print('a', 'b', 'c', sep='-')
print('a', 'b', sep='')
print('no newline', end='')
print(' continued')
print('x', 'y', sep=', ', end='!\n')
print()
print(1, 2.5, None, [1], sep=' | ')
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print('err', 'parts', sep='+', end='#\n', file=sys.stderr)
print(*range(5))
print(*'abc', sep='\n')
print('sep None', 'works', sep=None, end=None)
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError', e)
print(file=None)
sys.stdout.write('direct write\n')
sys.stderr.write('direct stderr\n')
