# atexit callbacks run after the traceback of an uncaught exception (exit status 1).
import atexit
import sys

atexit._clear()


@atexit.register
def goodbye():
    print("goodbye from atexit")
    print("stderr line from atexit", file=sys.stderr)


def fail():
    raise KeyError("missing")


print("before the error")
sys.stdout.flush()
fail()
