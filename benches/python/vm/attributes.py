# Attribute access: instance reads and writes, class attribute reads and writes.


class Point:
    scale = 3
    created = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.z = 0


def run(n):
    p = Point(1, 2)
    q = Point(5, 7)
    total = 0
    for i in range(n):
        p.x = q.y + i
        q.y = p.x - i + 1
        p.z = p.x + p.y + q.x
        total += p.z * Point.scale - q.y
        if i % 1000 == 0:
            Point.created += 1
    return total, p.x, q.y, p.z, Point.created


print(run(2400000))
