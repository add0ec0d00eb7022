# Exceptions raised and caught in a loop: builtin and user exceptions, finally, re-raise.


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 3 == 1:
        raise ValueError(i)
    return i


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def run(n):
    total = 0
    finals = 0
    d = {0: 1, 2: 3}
    for i in range(n):
        try:
            total += check(i)
        except AppError as e:
            total += e.code
        except ValueError:
            total -= 1
        finally:
            finals += 1
        total += lookup(d, i & 3)
        try:
            try:
                raise TypeError("inner")
            except TypeError:
                raise
        except TypeError:
            total += 1
    return total, finals


print(run(400000))
