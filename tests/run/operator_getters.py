# operator.itemgetter/attrgetter/methodcaller as sort keys and callables; operator's
# dunder aliases; hmac and secrets (which need _operator._compare_digest).
import hmac
import hashlib
import operator
import secrets
from operator import attrgetter, itemgetter, methodcaller


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.info = self

    def greet(self, greeting, punct='!'):
        return f'{greeting}, {self.name}{punct}'

    def __repr__(self):
        return f'P({self.name!r}, {self.age})'


people = [P('bo', 30), P('al', 25), P('cy', 35), P('di', 25)]
print(sorted(people, key=attrgetter('age')))
print(sorted(people, key=attrgetter('age', 'name')))
print(sorted(people, key=attrgetter('info.name'), reverse=True))
rows = [(3, 'c', 1.5), (1, 'a', 2.5), (2, 'b', 0.5)]
print(sorted(rows, key=itemgetter(2)), sorted(rows, key=itemgetter(1, 0)))
print(list(map(itemgetter(0), rows)), max(rows, key=itemgetter(2)))
print(list(map(methodcaller('greet', 'hi'), people[:2])))
print(list(map(methodcaller('greet', 'yo', punct='?'), people[2:])))
print(itemgetter(slice(None, None, -1))('abc'), itemgetter('x', 'y')({'x': 1, 'y': 2}))
g = itemgetter(5)
try:
    g([1, 2])
except IndexError as e:
    print('IndexError', e)
try:
    attrgetter('nope')(people[0])
except AttributeError as e:
    print('AttributeError', e)
try:
    methodcaller('nope')(people[0])
except AttributeError as e:
    print('AttributeError', e)

# The dunder aliases operator.py defines over _operator.
print(operator.__add__(2, 3), operator.__getitem__([1, 2], 1), operator.__iadd__([1], [2]))
print(operator.__matmul__ is operator.matmul, operator.__call__(max, 1, 5))
lst = [1, 2, 3]
operator.__setitem__(lst, 0, 9)
operator.__delitem__(lst, 1)
print(lst, operator.__contains__(lst, 9), operator.__index__(True))

# hmac / secrets.
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.md5).hexdigest(), hmac.digest(b'k', b'm', 'sha1').hex())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'))
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), secrets.compare_digest('x', 'x'))
print(secrets.choice('a') == 'a', 0 <= secrets.randbelow(10) < 10)
