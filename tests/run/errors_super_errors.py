# errors: super() misuse messages
class A:
    def f(self):
        return 'A'
def free():
    return super()
try:
    free()
except RuntimeError as e:
    print(type(e).__name__, e)
class B(A):
    @staticmethod
    def s():
        return super().f()
try:
    B.s()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(B, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(1, B())
except TypeError as e:
    print(type(e).__name__, e)
class C(A):
    def g(self):
        return super().missing()
try:
    C().g()
except AttributeError as e:
    print(type(e).__name__, e)
