# exc: assert statement with and without message
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert False, 'custom message'
except AssertionError as e:
    print('AssertionError', e)
try:
    assert [], {'k': 'v'}
except AssertionError as e:
    print('AssertionError', e.args)
assert True, 'never'
x = 5
try:
    assert x < 0, f'x was {x}'
except AssertionError as e:
    print(e)
print('done')
