# misc: assignment expressions in while loops, if, comprehensions and calls
data = iter([3, 1, 4, 1, 5, 0, 9])
total = 0
while (n := next(data)) != 0:
    total += n
print(total, n)
if (m := len('hello')) > 3:
    print('long', m)
print([y for x in range(6) if (y := x * x) % 2 == 0])
print((z := 10) + z, z)
def f(a):
    return a * 2
print(f(w := 21), w)
words = ['apple', 'kiwi', 'banana']
if any(len(found := wd) > 5 for wd in words):
    print('first long word', found)
print([(last := i) for i in range(3)], last)
