# The text of a SyntaxError: the source line for the parser's errors, the line of the file the
# filename names (none for "<s>") for the compiler's, as CPython reads them.
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'named.py')
    with open(path, 'w') as f:
        f.write('first line of the file\nsecond\n')
    for src in ['break', 'x = 1\nreturn 2', 'x = (1,\ny = 2', 'def f(:\n pass']:
        for name in [path, '<s>']:
            try:
                compile(src, name, 'exec')
            except SyntaxError as e:
                print(repr(src), name == path, repr(e.msg), e.lineno, repr(e.text))
compile("x = 1\nbreak", "<s>", "exec")
