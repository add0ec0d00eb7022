# list: comprehension variables don't leak and see enclosing scopes
x = 10
lst = [x for x in range(3)]
print(lst, x)
def f():
    y = 5
    return [y * i for i in range(3)]
print(f())
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([g() for g in funcs2])
class C:
    val = 3
    items = [v * 2 for v in range(val)]
print(C.items)
print([[i + j for j in range(2)] for i in range(2)])
