# builtins: ascii and repr of various objects
objs = ['plain', 'tab\t', 'é', '日本', '😀', b'\xff', [1, 'é'], {'k': 'ü'}, ('ñ',), 1.5, None, True, 1 + 2j, range(3), Ellipsis, NotImplemented]
for o in objs:
    print(repr(o), ascii(o))
class C:
    def __repr__(self):
        return 'Cé'
print(repr(C()), ascii(C()), ascii([C()]))
