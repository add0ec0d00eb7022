# misc: conditional expressions, nesting and laziness
def side(x):
    print('evaluated', x)
    return x
print(side('a') if True else side('b'))
print(side('a') if False else side('b'))
n = 15
print('fizzbuzz' if n % 15 == 0 else 'fizz' if n % 3 == 0 else 'buzz' if n % 5 == 0 else n)
print([('even' if i % 2 == 0 else 'odd') for i in range(4)])
f = (lambda x: 'pos' if x > 0 else 'zero' if x == 0 else 'neg')
print(f(3), f(0), f(-2))
print((1 if [] else 2) + (3 if 'x' else 4))
