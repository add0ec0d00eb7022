# builtins: dynamic attribute access building objects from dicts
class Record:
    pass
data = {'name': 'widget', 'price': 9.5, 'tags': ['a', 'b']}
r = Record()
for k, v in data.items():
    setattr(r, k, v)
print([getattr(r, k) for k in data], all(hasattr(r, k) for k in data))
for k in list(data):
    if k != 'name':
        delattr(r, k)
print(vars(r))
print(getattr(r, 'missing', None), getattr(Record, '__name__'))
