# list: aliasing, nested lists, self-referential repr
a = [1, 2]
a.append(a)
print(a, len(a), a[2][2][0])
b = [a, a]
print(b)
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    m[i][i] = i + 1
print(m)
grid = [row[:] for row in m]
grid[0][0] = 99
print(m[0][0], grid[0][0])
x = [1, [2, [3, [4]]]]
x[1][1][1].append(5)
print(x)
y = [[]] * 2
y[0] += [1]
print(y)
