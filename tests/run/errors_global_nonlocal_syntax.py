# errors: SyntaxErrors about nonlocal/global/return/yield raised by compile()
srcs = ['nonlocal x', 'def f():\n    nonlocal x', 'def f(a):\n    global a', 'return 1', 'yield 1', 'class C:\n    return 1',
        'def f():\n    x = 1\n    global x', 'break', 'continue', 'def f():\n    yield from []\n    await x', 'async def f():\n    yield from []']
for s in srcs:
    try:
        compile(s, '<src>', 'exec')
        print('compiled ok')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
