# str: non-overlapping count/replace and find loops
s = 'abababab'
print(s.count('aba'), s.replace('aba', 'X'), s.split('aba'))
pos = []
i = s.find('ab')
while i != -1:
    pos.append(i)
    i = s.find('ab', i + 1)
print(pos)
print('aaa'.replace('a', 'aa'), 'aaa'.replace('aa', 'b'), ''.replace('', 'x'), 'abc'.replace('', ''))
print('x'.join('abc'), 'abc'.replace('b', '', -1), 'banana'.rfind('an', 0, 4), 'banana'.rindex('a', 0, -1))
