# errors: eval/exec/compile argument errors
tests = [lambda: eval(1), lambda: exec(1), lambda: eval('x = 1'), lambda: compile('1', '<s>', 'bad'), lambda: eval('1', 5),
         lambda: exec('raise KeyError(7)'), lambda: eval('1/0'), lambda: compile(5, 'f', 'exec'), lambda: eval(''), lambda: exec('1 +')]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
