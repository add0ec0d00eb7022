# exc: output from finally blocks appears before the traceback of an uncaught exception
def work():
    try:
        print('working')
        raise TypeError('work failed')
    finally:
        print('cleanup done')
try:
    work()
finally:
    print('outer finally')
