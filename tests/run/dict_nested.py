# dict: nested dictionaries, setdefault grouping and deep access
records = [('fruit', 'apple'), ('veg', 'kale'), ('fruit', 'pear'), ('grain', 'rice'), ('veg', 'leek')]
groups = {}
for cat, item in records:
    groups.setdefault(cat, []).append(item)
print(groups)
tree = {}
for path in ['a/b/c', 'a/b/d', 'a/e', 'f']:
    node = tree
    for part in path.split('/'):
        node = node.setdefault(part, {})
print(tree)
def depth(t):
    return 1 + max((depth(v) for v in t.values()), default=0)
print(depth(tree))
cfg = {'db': {'host': 'localhost', 'port': 5432}, 'debug': False}
print(cfg['db']['port'], cfg.get('db', {}).get('user', 'anon'))
cfg['db']['port'] += 1
print(cfg)
d = {}
d['self'] = d
print(d)
