# Syntax errors at the end of the input: CPython places them by its end marker (the last
# line, offset 0) or after the last line's text; unclosed brackets have no end; the text
# keeps the newline only exec mode adds.
for src, mode in [("", "eval"), ("\n", "eval"), ("if x:\n", "exec"), ("x = (", "exec"), ("1 +", "eval"), ("", "exec"), ("def f(", "exec"), ("for x in y:", "exec"), ("a = 1\nif a:", "exec"), ("x +", "exec"), ("(", "eval"), ("[1, 2", "eval"), ("1 +\n", "eval"), ("x = 1 +\n", "exec"), ("if x:", "single"), ("", "single"), ("f\"{'''x'''}\"", "eval")]:
    try:
        compile(src, "<s>", mode)
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), mode, type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
