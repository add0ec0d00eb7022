# exc: finally runs on break, continue, return, and propagating exceptions in loops
log = []
for i in range(4):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        log.append(('body', i))
    finally:
        log.append(('finally', i))
print(log)
def gen():
    try:
        yield 1
    finally:
        print('gen finally')
def use():
    for x in gen():
        return x
print(use())
def nested():
    try:
        try:
            return 'inner'
        finally:
            print('f1')
    finally:
        print('f2')
print(nested())
while True:
    try:
        break
    finally:
        print('finally on while break')
