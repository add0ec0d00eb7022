# str: % formatting with mappings and custom objects
class R:
    def __repr__(self):
        return 'R!'
    def __str__(self):
        return 'r.'
print('%s %r %a' % (R(), R(), R()))
d = {'x': 1.5, 'y': 'why', 'z': [1]}
print('%(x).2f %(y)s %(z)r %(x)d' % d)
print('%(y)-6s|%(x)+8.3f|' % d)
print('%%(x)s' % (), '%s %%' % 'p')
class M:
    def __getitem__(self, k):
        return k * 2
print('%(ab)s %(c)s' % M())
print('%c%c%c' % (72, 105, 33), '%5c|%-3c|' % ('a', 'b'))
print('%10.4s|' % 'abcdefg', '%-10r|' % 'q', '%.1r' % 'zz')
