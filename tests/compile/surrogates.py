# Lone surrogates in string literals keep their value (rustpython-parser gives U+FFFD; the
# compiler decodes such literals again from the source).
a = "z\ud834\u0079x"
b = '\udc80' "-" '\U0000DFFF' + "\ud800" * 2
c = ("\N{EM DASH}\ud800"
     # a comment between the parts
     r"\ud800" '\x41\101')
d = {"\udcff": 1, "\ufffd": 2}
e = "\ud83d\ude00"[1]
def f():
    """doc \udc00"""
    return "\ud800" in {"\ud800", "\udfff", "x"}
