# Method calls on instances: small methods calling each other, plus a subclass override.


class Counter:
    def __init__(self, start):
        self.value = start

    def get(self):
        return self.value

    def step(self):
        return 1

    def bump(self):
        self.value = self.get() + self.step()
        return self


class Doubler(Counter):
    def step(self):
        return 2


def run(n):
    a = Counter(0)
    b = Doubler(5)
    for _ in range(n):
        a.bump()
        b.bump().bump()
    return a.get(), b.get()


print(run(1200000))
