# exc: StopIteration escaping from a generator into a for loop and comprehension
def gen_bad():
    yield 1
    next(iter(()))
for label, fn in [('list', lambda: list(gen_bad())), ('for', lambda: [x for x in gen_bad()]), ('sum', lambda: sum(gen_bad()))]:
    try:
        fn()
    except RuntimeError as e:
        print(label, 'RuntimeError', e, type(e.__context__).__name__)
def plain():
    raise StopIteration('leaks out of plain function')
try:
    plain()
except StopIteration as e:
    print('plain StopIteration', e)
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration('custom stop')
print(list(It()))
