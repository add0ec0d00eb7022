# errors: 'X' object is not callable for various types
for v in [1, 'str', [1], (1,), {1: 2}, {1}, 1.5, b'b', True, 1j]:
    try:
        v()
    except TypeError as e:
        print(type(e).__name__, e)
class C:
    pass
try:
    C()()
except TypeError as e:
    print(type(e).__name__, e)
