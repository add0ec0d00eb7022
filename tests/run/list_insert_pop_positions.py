# list: insert and pop at negative and out-of-range positions
a = []
for i, pos in enumerate([0, 0, -1, 10, -10, 2, -2]):
    a.insert(pos, i)
    print(pos, a)
while a:
    print(a.pop(len(a) // 2), a)
