# func: class-based decorators with __call__ and state
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@CountCalls
def greet(name):
    return 'hello ' + name
print(greet('a'), greet('b'), greet.calls, type(greet).__name__)
class Tag:
    def __init__(self, tag):
        self.tag = tag
    def __call__(self, fn):
        def w(*a):
            return f'<{self.tag}>{fn(*a)}</{self.tag}>'
        return w
@Tag('b')
@Tag('i')
def text(s):
    return s
print(text('hi'))
