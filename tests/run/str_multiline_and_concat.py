# str: triple-quoted strings, implicit concatenation and line continuation
s = """first
  second\
 continued
third"""
print(s)
print(repr(s))
t = ('one '
     'two '
     "three")
print(t)
u = 'back' \
    'slash'
print(u)
print('''a'b"c''', """x"y'z""")
print(len("""
"""))
