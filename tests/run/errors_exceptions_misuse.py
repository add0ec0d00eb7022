# errors: misusing exception machinery
tests = [lambda: ValueError().with_traceback(5), lambda: Exception().add_note(), lambda: ExceptionGroup('x'),
         lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup('m', ValueError()), lambda: BaseException.__new__(int)]
for t in tests:
    try:
        t()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
