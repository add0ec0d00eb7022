# os.environ / os.environb / os.getenv / putenv and unsetenv as a child process sees them,
# and fsencode/fsdecode.
import os


def mine(env):
    return sorted((k, v) for k, v in env.items() if k.startswith('RPY_TEST_'))


print(type(os.environ).__name__, 'PATH' in os.environ, os.environ.get('PATH') == os.getenv('PATH'))
os.environ['RPY_TEST_A'] = 'alpha'
os.environ.setdefault('RPY_TEST_B', 'beta')
os.environ.setdefault('RPY_TEST_A', 'ignored')
os.environ.update({'RPY_TEST_C': 'gamma', 'RPY_TEST_D': ''})
print(mine(os.environ))
print(os.getenv('RPY_TEST_A'), os.getenv('RPY_TEST_NOPE'), os.getenv('RPY_TEST_NOPE', 'dflt'))
print(os.environb[b'RPY_TEST_B'], os.getenvb(b'RPY_TEST_C'), b'RPY_TEST_A' in os.environb)
print(os.environ.pop('RPY_TEST_C'), os.environ.pop('RPY_TEST_C', 'gone'), 'RPY_TEST_C' in os.environ)
del os.environ['RPY_TEST_D']
try:
    os.environ['RPY_TEST_NOPE']
except KeyError as e:
    print('KeyError', e)
try:
    del os.environ['RPY_TEST_NOPE']
except KeyError as e:
    print('KeyError', e)
for bad in [1, None]:
    try:
        os.environ['RPY_TEST_X'] = bad
    except TypeError as e:
        print('TypeError', e)
try:
    os.environ['RPY_TEST_BAD=NAME'] = 'x'
except ValueError as e:
    print('ValueError', e)
try:
    os.putenv('RPY_TEST_NUL', 'a\0b')
except ValueError as e:
    print('ValueError', e)
c = os.environ.copy()
print(type(c).__name__, mine(c))
os.environb[b'RPY_TEST_E'] = b'from bytes'
print(os.environ['RPY_TEST_E'])

# The changes reach the real environment: a shell sees them (exit status 0 when equal).
print(os.system('test "$RPY_TEST_A" = alpha'), os.system('test -z "${RPY_TEST_D+set}"'))
print(os.waitstatus_to_exitcode(os.system('exit 3')))
os.unsetenv('RPY_TEST_A')
print(os.system('test -z "${RPY_TEST_A+set}"'), 'RPY_TEST_A' in os.environ)
os.putenv('RPY_TEST_F', 'direct')
print(os.system('test "$RPY_TEST_F" = direct'), 'RPY_TEST_F' in os.environ)
for k in [k for k in os.environ if k.startswith('RPY_TEST_')]:
    del os.environ[k]
print(mine(os.environ))

print(os.fsencode('abc/é'), os.fsdecode(b'abc/\xc3\xa9'), os.fsencode(b'x'), os.fsdecode('y'))
try:
    os.fsencode(1)
except TypeError as e:
    print('TypeError', e)
