# str: rot13 with maketrans and translate with deletion
import sys
lo = 'abcdefghijklmnopqrstuvwxyz'
up = lo.upper()
rot = str.maketrans(lo + up, lo[13:] + lo[:13] + up[13:] + up[:13])
msg = 'Why did the chicken cross the road?'
enc = msg.translate(rot)
print(enc, enc.translate(rot))
strip_vowels = str.maketrans('', '', 'aeiouAEIOU')
print(msg.translate(strip_vowels))
sys.stdout.write('written directly\n')
