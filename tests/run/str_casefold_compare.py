# str: case-insensitive comparisons and title/capitalize details
pairs = [('Straße', 'STRASSE'), ('ΣΊΣΥΦΟΣ', 'σίσυφος'), ('Hello', 'hELLO'), ('ﬀ', 'ff')]
for a, b in pairs:
    print(a.lower() == b.lower(), a.casefold() == b.casefold(), a.upper() == b.upper())
print('hello world-foo bar_baz 3rd'.title(), 'HELLO wORLD'.capitalize(), "o'neil mc'donald".title())
print('ǆ'.title(), 'ǆ'.upper(), 'ǆ'.capitalize(), 'ŉ'.upper(), len('ŉ'.upper()))
