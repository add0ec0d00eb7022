# _string.formatter_parser / formatter_field_name_split and string.Formatter on top of them.
import _string
import string


def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


for s in ["", "abc", "a{0}b", "a{0!r:>5}b{{c}}d{x.y[1]}", "{}{}", "{:{}}", "{0:{1}{2}}",
          "{!s}", "{a[}", "}", "{", "x{", "{0!}", "{0!rx}", "{0!r", "{0:", "{0[0]}", "{[}",
          "\u00e9{\u00e8}\u20ac", "{0!\u00e9}", "{ 0 }", "a}}b", "{{{0}}}", "{0:{{}}}"]:
    show(f"parse {s!r}", lambda s: list(_string.formatter_parser(s)), s)

for name in ["", "0", "abc", "0.a[b][3]", "a.b.c", "a[0][x y]", "12x", "a.", "a[", "a[]", "a]b",
             "a[0]x", "99999999999999999999", "a[99999999999999999999]", "\u00e9.\u00e8", "[0]", ".x"]:
    def split(n):
        first, rest = _string.formatter_field_name_split(n)
        return first, list(rest)
    show(f"split {name!r}", split, name)

show("parser int", _string.formatter_parser, 1)
show("split bytes", _string.formatter_field_name_split, b"x")
it = _string.formatter_parser("a{0}b{")
print(type(it).__name__, iter(it) is it, next(it))
show("next", next, it)
show("next again", next, it)
first, rest = _string.formatter_field_name_split("x.a")
print(type(rest).__name__, iter(rest) is rest)

f = string.Formatter()
print(f.format("{0}-{x!r:>5}|{y[k]}|{z.real}", 1, x="a", y={"k": "v"}, z=3))
print(f.format("{:>{}}|{}", "ab", 5, "c"))
print(f.format("{0:{fmt}}", 3.14159, fmt=".2f"))
print(f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
print(list(f.parse("x{0:>3}y")))
show("format missing", f.format, "{0}{1}", 1)
show("format mixed", f.format, "{}{0}", 1, 2)
show("format bad conv", f.format, "{0!x}", 1)
show("format key", f.format, "{nope}")


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if key == "magic":
            return "abracadabra"
        return super().get_value(key, args, kwargs)


print(Upper().format("{0} {magic:.5} {x}", "hello", x="world"))
t = string.Template("$who likes ${what}!")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.capwords("hello   world  foo"), string.ascii_letters, string.punctuation)

# Argument errors.
show("parser no args", _string.formatter_parser)
show("parser keyword", _string.formatter_parser, "a", x=1)
show("split two args", _string.formatter_field_name_split, "a", "b")
