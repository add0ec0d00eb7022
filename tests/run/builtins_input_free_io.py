# builtins: sys.stdout / sys.stderr writes interleaved with print (stdout and stderr compared separately)
import sys
for i in range(3):
    print('out', i)
    print('err', i, file=sys.stderr)
n = sys.stdout.write('written\n')
print(n)
sys.stdout.flush()
sys.stderr.flush()
print(sys.stdout.writable(), sys.stdin is not None)
