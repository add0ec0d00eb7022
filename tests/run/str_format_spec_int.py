# str: format spec for ints - sign, #, 0, grouping, b o x X c d n
for v in [0, 7, -7, 255, -255, 1234567, -1234567]:
    print(v, format(v, '+'), format(v, '-'), format(v, ' '), format(v, 'b'), format(v, '#b'), format(v, 'o'), format(v, '#o'),
          format(v, 'x'), format(v, '#X'), format(v, ','), format(v, '_'), format(v, '_b'), format(v, '#_x'), format(v, '012,'), format(v, 'n'), format(v, '+08d'))
print(format(65, 'c'), format(0x1F600, 'c'), format(10, 'e'), format(10, '.2f'), format(10, '%'), format(10, 'g'))
for spec in ['s', ',b', '.2d', 'z']:
    try:
        format(5, spec)
    except ValueError as e:
        print('ValueError', e)
print(format(True, 'd'), format(True, ''), format(True, '>5'), format(2 ** 70, ','), format(-(2 ** 70), '#x'))
