# exc: return/break/continue inside finally override exceptions and returns
def f1():
    try:
        raise ValueError('lost')
    finally:
        return 'finally wins'
print(f1())
def f2():
    try:
        return 'try'
    finally:
        return 'finally'
print(f2())
def f3():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(f3())
def f4():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            continue
    return out
print(f4())
def f5():
    x = 'start'
    try:
        return x
    finally:
        x = 'changed'
print(f5())
def f6():
    lst = []
    try:
        return lst
    finally:
        lst.append('mutated')
print(f6())
def f7():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            if i < 3:
                continue
    return -1
print(f7())
