# builtins: divmod, pow and round across numeric types
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, -5), divmod(True, 2))
print(pow(2, 10), pow(2, -1), pow(2, 10, 7), pow(-3, 3), pow(2.5, 2), pow(4, 0.5), pow(exp=3, base=2), pow(2, 3, mod=5))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(17, -1), round(15, -1), round(1.25, 1), round(-0.5))
print(round(123.456, -1), round(123.456, -2), round(123.456, 0), type(round(1.5)), type(round(1.5, 0)))
class D:
    def __divmod__(self, o):
        return 'divmod!'
    def __rdivmod__(self, o):
        return 'rdivmod!'
    def __pow__(self, e, m=None):
        return f'pow({e},{m})'
print(divmod(D(), 1), divmod(1, D()), pow(D(), 2), pow(D(), 2, 3))
