# dict: comprehension forms
print({x: x * x for x in range(5)})
print({k: v for k, v in zip('abc', range(3)) if v != 1})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({(i, j): i * j for i in range(3) for j in range(i)})
print({c: 'abracadabra'.count(c) for c in 'abracadabra'})
print({k: [n for n in range(k)] for k in range(4)})
print({x % 3: x for x in range(10)})
print({str(i): {j: None for j in range(i)} for i in range(3)})
