# exc: SyntaxError from compile/exec/eval has lineno, offset, text and msg
for src in ['x = = 1', 'def f(:\n    pass', 'a = (1,\nb = 2', '1 +', 'return 5', 'for x in y print(x)']:
    try:
        compile(src, '<test>', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.filename)
try:
    eval('1 2')
except SyntaxError as e:
    print(e.msg, e.lineno)
try:
    exec('if True:\nprint(1)')
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
