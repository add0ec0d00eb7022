# match: no case matches means nothing happens; match on expressions and side effects
def get(x):
    print('evaluating subject')
    return x
match get(99):
    case 1:
        print('one')
    case 2:
        print('two')
print('no case matched, continuing')
for v in range(4):
    match v % 3:
        case 0:
            print(v, 'divisible')
        case r:
            print(v, 'remainder', r)
