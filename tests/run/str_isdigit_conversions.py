# str: parsing tokens with str methods
text = 'a1 22 b -3 4.5 +6 007 ٣ x9'
for tok in text.split():
    kind = 'int' if tok.lstrip('+-').isdigit() else 'float' if tok.replace('.', '', 1).lstrip('+-').isdigit() else 'word'
    print(tok, kind, int(tok) if kind == 'int' else float(tok) if kind == 'float' else tok.upper())
