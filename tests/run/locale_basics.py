# _locale through locale.py: setlocale, localeconv, nl_langinfo, collation and errors.
import _locale
import locale


def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


print(_locale.Error, _locale.Error.__mro__[1:], locale.Error is _locale.Error)
for name in ["LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC", "LC_ALL",
             "LC_MESSAGES", "CHAR_MAX", "CODESET", "D_T_FMT", "RADIXCHAR", "YESEXPR", "DAY_1",
             "ABMON_12", "T_FMT_AMPM", "_DATE_FMT"]:
    print(name, getattr(_locale, name))

print(locale.setlocale(locale.LC_ALL, "C"))
print(locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_TIME, None))
print(locale.localeconv())
for key in ["CODESET", "D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "AM_STR", "PM_STR", "DAY_1",
            "DAY_7", "ABDAY_3", "MON_1", "MON_12", "ABMON_5", "RADIXCHAR", "THOUSEP", "YESEXPR",
            "NOEXPR", "CRNCYSTR", "ERA", "ALT_DIGITS"]:
    print(key, repr(locale.nl_langinfo(getattr(locale, key))))
show("nl_langinfo bad", locale.nl_langinfo, 12345)
show("nl_langinfo str", locale.nl_langinfo, "x")
show("setlocale bad", locale.setlocale, locale.LC_ALL, "xx_NOWHERE.bogus")
show("setlocale bad category", _locale.setlocale, 12345)
show("setlocale bad type", _locale.setlocale, "LC_ALL")
show("setlocale bad locale type", _locale.setlocale, locale.LC_ALL, 5)
show("setlocale nul", _locale.setlocale, locale.LC_ALL, "C\x00")

print(locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strcoll("abc", "abc"))
print(repr(locale.strxfrm("hello")), sorted(["b", "A", "a", "B"], key=locale.strxfrm))
show("strcoll int", locale.strcoll, "a", 1)
show("strcoll nul", locale.strcoll, "a\x00", "b")
print(locale.format_string("%d|%.2f|%s", (1234567, 3.14159, "x"), grouping=True))
print(locale.str(1.5), locale.atof("2.5"), locale.atoi("42"), locale.delocalize("1.5"))
show("currency", locale.currency, 1.5)
print(locale.normalize("en_US"), locale.normalize("de_DE.utf8"), locale.normalize("C"))
print(locale.getlocale(locale.LC_NUMERIC))

print(locale.setlocale(locale.LC_CTYPE, "C.UTF-8"))
print(locale.nl_langinfo(locale.CODESET), _locale.getencoding(), locale.getencoding())
print(locale.getpreferredencoding(False).lower().replace("-", ""), locale.getpreferredencoding().lower().replace("-", ""))
print(locale.getlocale())
print(_locale.textdomain(None), _locale.gettext("hello"), _locale.dgettext(None, "x"))

# Argument errors.
show("setlocale no args", _locale.setlocale)
show("setlocale keyword", _locale.setlocale, 1, locale="C")
show("localeconv arg", _locale.localeconv, 1)
show("nl_langinfo no args", _locale.nl_langinfo)
show("strcoll one arg", _locale.strcoll, "a")
show("strxfrm int", _locale.strxfrm, 1)
show("getencoding arg", _locale.getencoding, 1)
show("gettext int", _locale.gettext, 1)
show("textdomain int", _locale.textdomain, 1)
