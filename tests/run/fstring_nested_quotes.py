# Strings inside f-string expressions: triple-quoted ones holding the other quote, and
# unterminated ones (the error and its position).
print(f"{'''eric's'''}", f'{"""a"b"""}', f"{'x'}", f'{"y"!r}', f"{''}", f"{'a' 'b'}", f"""{'''q'''}""")
for src in ['f"{\'abc}"', "f'{\"x}'", 'f"{\'\'\'ab}"']:
    try:
        compile(src, "s", "eval")
    except SyntaxError as e:
        print(e.msg, e.offset)
