# str: zfill and expandtabs detail cases
for s in ['1', '-1', '+1', '--1', 'a', '', '12345', '-', '+']:
    print(repr(s), repr(s.zfill(4)))
for ts in [0, 1, 2, 4, 8]:
    print(ts, repr('a\tbb\tccc\td\n\te'.expandtabs(ts)))
