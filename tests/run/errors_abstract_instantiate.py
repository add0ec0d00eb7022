# errors: instantiating builtin abstract-ish types and calling non-constructible types
tests = [lambda: type(None)(1), lambda: type(len)(), lambda: type(iter([]))(), lambda: type((x for x in []))(),
         lambda: NotImplemented(), lambda: Ellipsis(), lambda: type(lambda: 0)()]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__, e)
print(type(None)(), type(NotImplemented).__name__, type(...).__name__)
