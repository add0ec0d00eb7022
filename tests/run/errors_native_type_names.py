# Generic error messages name types written in C (here: in Rust) by their tp_name, which
# includes the module outside builtins; reprs use the short name.
import collections, itertools, array, io
cases = [
    lambda: hash(collections.deque()),
    lambda: collections.deque().missing,
    lambda: itertools.count()[0],
    lambda: len(itertools.count()),
    lambda: collections.deque() + 1,
    lambda: array.array('i') < 3,
    lambda: iter(io.StringIO().tell()),
    lambda: collections.deque()(),
    lambda: next(collections.deque()),
    lambda: divmod(collections.deque(), 1),
]
for c in cases:
    try:
        c()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(collections.deque([1]), itertools.count(3), collections.defaultdict(int))
