# exc: for/while else clauses interacting with break, exceptions and continue
for i in range(3):
    pass
else:
    print('for-else ran', i)
for i in range(3):
    if i == 1:
        break
else:
    print('never')
print('broke at', i)
n = 0
while n < 3:
    n += 1
else:
    print('while-else ran', n)
try:
    for i in range(3):
        if i == 2:
            raise ValueError('in loop')
    else:
        print('never')
except ValueError as e:
    print('exception skipped else', e)
for x in []:
    print('never')
else:
    print('empty for-else')
