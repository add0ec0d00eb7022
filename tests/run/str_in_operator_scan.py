# str: substring search correctness over many positions
hay = 'abracadabra' * 3
needles = ['a', 'abra', 'cad', 'dab', 'bra' * 2, 'arb', '', 'abracadabraabracadabraabracadabra', 'x']
for n in needles:
    print(repr(n), n in hay, hay.find(n), hay.rfind(n), hay.count(n))
