# atexit: registration, arguments, unregister, _run_exitfuncs, _clear, _ncallbacks, errors in
# callbacks reported as unraisable, and the callbacks run after sys.exit.
import atexit
import sys

# Startup code (site) may have registered callbacks of its own: start from a clean slate.
atexit._clear()
print(atexit._ncallbacks())


class Callback:
    def __init__(self, name, fail=None):
        self.name = name
        self.fail = fail

    def __repr__(self):
        return f"<callback {self.name}>"

    def __call__(self, *args, **kwargs):
        print("run", self.name, args, sorted(kwargs.items()))
        if self.fail == "error":
            raise ValueError(f"failure in {self.name}")
        if self.fail == "exit":
            sys.exit(9)


def plain():
    print("plain")


# register returns the function (so it works as a decorator).
print(atexit.register(plain) is plain)
first = Callback("first")
print(atexit.register(first, 1, 2, key="value") is first)
print(atexit._ncallbacks())

# unregister removes every registration of an equal callable; the slots still count.
atexit.register(plain)
atexit.unregister(plain)
print(atexit._ncallbacks())
atexit.unregister(Callback("never registered"))
atexit.unregister(42)

# _run_exitfuncs runs them now, last first, and forgets them.
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit._run_exitfuncs()

# _clear forgets without running.
atexit.register(Callback("cleared"))
atexit._clear()
print(atexit._ncallbacks())
atexit._run_exitfuncs()


# Equality decides what unregister removes.
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and other.k == self.k

    def __call__(self):
        print("key", self.k)


atexit.register(Key(1))
atexit.register(Key(2))
atexit.unregister(Key(1))
atexit._run_exitfuncs()

# Argument errors.
for call in (
    lambda: atexit.register(),
    lambda: atexit.register(1),
    lambda: atexit.register("not callable", 1),
    lambda: atexit.unregister(),
    lambda: atexit.unregister(1, 2),
    lambda: atexit._ncallbacks(1),
    lambda: atexit._clear(1),
    lambda: atexit._run_exitfuncs(1),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

print(type(atexit.register).__name__, atexit.register.__name__, atexit.__name__)
print(sorted(n for n in dir(atexit) if not n.startswith("__")))


# An exception inside a callback is reported and the others still run.
def registers_late():
    print("registers late")
    # Registered while the callbacks run: never called.
    atexit.register(Callback("too late"))


atexit.register(Callback("last", "error"))
atexit.register(Callback("exits", "exit"))
atexit.register(registers_late)
atexit.register(Callback("args", None), "a", b=2)
atexit.register(print, "printed", "at", "exit", sep="-")

print("main done")
sys.stdout.flush()
sys.exit(3)
