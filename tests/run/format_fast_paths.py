# Format specs that fail name the value's type; machine-sized ints in every radix; repr of ASCII
# and non-ASCII text (the fast paths of format_value, format_int and str_repr).
class MyInt(int): pass
class MyF(float): pass
for v, spec in [(1, "q"), (MyInt(3), "q"), (1.5, "d"), (MyF(2.0), "z"), ("s", "d"), (True, "q"), (1j, "d"), (1, ".2d"), (5, ",x")]:
    try:
        print(format(v, spec))
    except Exception as e:
        print(type(e).__name__, e)
print(repr("it's"), repr('a"b'), repr("tab\there\\ \x7f é"), repr("q'\""))
print(f"{12345:_x}", f"{-255:#X}", f"{7:b}", f"{-8:o}", f"{2**70:x}", f"{-2**63:d}", f"{255:08x}")
