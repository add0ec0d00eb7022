# str: encode/decode with error handlers and codec names
s = 'Grüße, 世界'
for codec in ['utf-8', 'utf-16', 'utf-32-be', 'latin-1', 'ascii', 'cp1252']:
    for errors in ['strict', 'replace', 'ignore']:
        try:
            b = s.encode(codec, errors)
            print(codec, errors, len(b), b[:12])
        except UnicodeEncodeError as e:
            print(codec, errors, 'UnicodeEncodeError', e.start, e.end, e.reason)
print('abc'.encode('UTF8'), 'abc'.encode('Latin1'), b'\xe4'.decode('iso-8859-1'))
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print(bytes('ä', 'utf-8'), str(b'\xc3\xa4', 'utf-8'), 'ä'.encode('utf-8').decode('latin-1'))
