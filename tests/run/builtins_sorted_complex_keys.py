# builtins: sorted with tuple keys, negation, and multi-pass stable sorting
students = [('amy', 'B', 88), ('bob', 'A', 95), ('cat', 'B', 72), ('dan', 'A', 95), ('eve', 'C', 60)]
print(sorted(students, key=lambda s: (s[1], -s[2], s[0])))
s = sorted(students, key=lambda s: s[0], reverse=True)
s = sorted(s, key=lambda s: s[2], reverse=True)
print([x[0] for x in s])
print(sorted(students, key=lambda s: s[2])[0], max(students, key=lambda s: (s[2], s[0])))
