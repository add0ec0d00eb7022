# scope: lambdas in loops capture by reference unless defaults are used
adders = []
for n in range(3):
    adders.append(lambda x: x + n)
print([a(10) for a in adders])
adders2 = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders2])
n = 100
print([a(0) for a in adders])
