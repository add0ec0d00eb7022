# unicodedata: properties, names, lookup (aliases included), numbers, the 3.2.0 database
# and error messages.
import unicodedata as ud

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version, type(ud.ucd_3_2_0), ud.UCD)

samples = "aZ5 \t\n\u00a0\u00bd\u00b2\u0301\u0345\u05d0\u0627\u0660\u0966\u09f4\u0e50" \
          "\u1100\u2028\u2029\u2160\u2155\u216b\u2460\u3000\u3007\u4e00\u9fff\uac00\ud7a3" \
          "\ue000\uf900\uff21\uffe0\U0001d7ce\U0001f600\U00020000\U0002a6df\U0002a6e0" \
          "\U000e0001\U000e0100\U0010fffd\u0378\u08a0\u1f00\u212b\u2126\u00c5\u00e9"

for c in samples:
    print("%04X" % ord(c), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None), ud.name(c, None))

old = ud.ucd_3_2_0
for c in "+-/\u00a7\u00aa\u00ad\u00b2\u0221\u08a0\u20b5\U0001f600\u2126\u3007a\u0301\u00bd":
    print("3.2 %04X" % ord(c), old.category(c), repr(old.bidirectional(c)), old.combining(c),
          old.east_asian_width(c), old.mirrored(c), repr(old.decomposition(c)),
          old.decimal(c, None), old.digit(c, None), old.numeric(c, None), old.name(c, None))

for name in ["LATIN SMALL LETTER A", "latin small letter a", "BULLET", "EM DASH",
             "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-2A6DF", "HANGUL SYLLABLE GAG",
             "HANGUL SYLLABLE GA", "LATIN CAPITAL LETTER GHA", "NEW LINE", "BYTE ORDER MARK",
             "SNAKE", "GRINNING FACE", "NUSHU CHARACTER-1B170", "VARIATION SELECTOR-17",
             "greek small letter alpha", "DIGIT ZERO"]:
    print(name, ascii(ud.lookup(name)))
print(ascii(ud.lookup(b"SNOWMAN")))
print(ascii(old.lookup("LATIN SMALL LETTER A")))
print("\N{BULLET}", "\N{bullet}", ascii("\N{LATIN CAPITAL LETTER GHA}"), ascii("\N{EM DASH}"))

def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", ascii(r))

for bad in ["xx", "cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-4e00",
            "CJK UNIFIED IDEOGRAPH-2A6E0", "hangul syllable gag", "HANGUL SYLLABLE XYZ",
            "LATIN SMALL LETTER", "a" * 300, ""]:
    err(ud.lookup, bad)
err(old.lookup, "LATIN CAPITAL LETTER GHA")
err(old.lookup, "GRINNING FACE")
err(ud.lookup, 1)
err(ud.lookup)
err(ud.category)
err(ud.category, "ab")
err(ud.category, "")
err(ud.category, 1)
err(ud.category, "a", "b")
err(ud.category, c="a")
err(ud.combining, b"a")
err(ud.name)
err(ud.name, "a", 1, 2)
err(ud.name, "ab")
err(ud.name, 5)
err(ud.name, "\x00")
err(ud.name, "\U0010fffd")
err(old.name, "\U0001f600")
print(ud.name("\x00", "dflt"), ud.decimal("x", -1), ud.digit("x", None), ud.numeric("x", 0.5))
err(ud.decimal, "a")
err(ud.digit, "a")
err(ud.numeric, "a")
err(ud.decimal, "\u00bd")
err(ud.digit, "\u00bd")
err(ud.decimal, "ab")
err(ud.numeric, "a", 1, 2)
err(ud.UCD)
err(setattr, old, "unidata_version", "1")
print(ud.numeric("\u2155"), ud.numeric("\u216b"), ud.numeric("\U00012432"), ud.numeric("\u4e07"))
print(ud.digit("\u00b2"), ud.decimal("\u0663"), ud.numeric("\u0f33"), ud.numeric("\u0d5d", None))
print(old.decimal("\u00b2", None), ud.decimal("\u00b2", None))
print(sorted(n for n in dir(ud) if not n.startswith("_")))
print(sorted(n for n in dir(old) if not n.startswith("_")))
print(ud.category.__name__, old.category.__name__)
err(old.category)
err(old.category, "a", "b")
err(old.name)
err(old.normalize, form="NFC", unistr="a")
err(old.lookup)
print(old.digit("\u07c0", None), old.decimal("\u07c0", None), old.numeric("\u07c0", None))
