# unicodedata.normalize / is_normalized in the four forms, on both databases.
import unicodedata as ud

texts = [
    "", "abc", "caf\u00e9", "cafe\u0301", "\u212b", "\u2126", "A\u030a", "\u1e9b\u0323",
    "\u0071\u0307\u0323", "\u00c5\u0327", "\uac00\u11a8", "\u1100\u1161\u11a8", "\u1100\u1161",
    "\ud4db", "\u1111\u1171\u11b6", "\ufb01", "\u00bd", "\u2075", "\u32a4", "\u3300",
    "\uff76\uff9e", "\u0b47\u0b3e", "\u0d46\u0d3e", "\u1025\u102e", "\u0344", "\u0f73",
    "\u0958", "\u2adc", "\U0001d15e", "\U0001d160", "a\u0328\u0301\u0323", "e\u0302\u0323",
    "\u1ec7", "\u05b8\u05b9\u05b1\u0591\u05c3\u05b0\u05ac\u059f", "\u0592\u05b7\u05bc\u05a5\u05b0\u05c0\u05c4\u05ad",
    "\u0e40\u0e48\u0e35", "\u00a8\u0301", "\u1fed", "\u0385", "\u03d3", "\u1e0b\u0323",
    "\u0041\u0300\u0301\u0302", "\u01c4", "\u2460\u2461", "\ufdfa", "\u1100\u1100\u1161",
    "x\u0300\u0315\u0300", "\u0627\u0653", "\u0622", "\u09c7\u09be", "\u3099\u304b",
    "\u304b\u3099", "\u0cc6\u0cc2\u0cd5", "\u1b05\u1b35", "\U00011099\U000110ba",
    "\U0001133e\U00011347", "\U00011347\U0001133e", "\uf900\uf951\U0002f868", "\u2f868",
    "The quick \u00e9\u00e8\u00ea \u212b\u00c5 \ufb03 \u3392",
]

for t in texts:
    row = []
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        n = ud.normalize(form, t)
        row.append(ascii(n))
        assert ud.is_normalized(form, n), (form, t)
        assert ud.is_normalized(form, t) == (n == t)
    print(" ".join(row))

old = ud.ucd_3_2_0
for t in ["\uf951", "\U0002f868", "\U0002f874", "\U0002f91f", "\U0002f95f", "\U0002f9bf",
          "\u0221", "\u08a0\u0301", "\ufb01\u00e9", "A\u030a", "\u1e9b\u0323", "\U0001f600"]:
    print(" ".join(ascii(old.normalize(f, t)) for f in ("NFC", "NFD", "NFKC", "NFKD")),
          old.is_normalized("NFC", t))

s = "abc"
print(ud.normalize("NFC", s) is s, ud.normalize("NFD", "") == "")

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error")

err(ud.normalize, "X", "a")
err(ud.normalize, "nfc", "a")
err(ud.normalize, 1, "a")
err(ud.normalize, "NFC", 1)
err(ud.normalize, "NFC", b"a")
err(ud.normalize, "NFC")
err(ud.normalize, "NFC", "a", "b")
err(ud.normalize, form="NFC", unistr="a")
err(ud.is_normalized, "NFC")
err(ud.is_normalized, "NFX", "a")
err(ud.is_normalized, "NFC", None)
err(old.normalize, "bad", "a")

# IDNA and stringprep read the 3.2.0 database
import stringprep
print("b\u00fccher.example".encode("idna"), b"xn--bcher-kva.example".decode("idna"))
print(stringprep.in_table_b1("\u00ad"), stringprep.map_table_b2("\u00df"), stringprep.in_table_a1("\u0221"))
