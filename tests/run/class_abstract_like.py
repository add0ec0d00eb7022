# class: abstract-method pattern using NotImplementedError
class Shape:
    def area(self):
        raise NotImplementedError(f'{type(self).__name__}.area')
    def describe(self):
        return f'{type(self).__name__} with area {self.area():.2f}'
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Blob(Shape):
    pass
for sh in [Square(2), Circle(1), Blob()]:
    try:
        print(sh.describe())
    except NotImplementedError as e:
        print('NotImplementedError', e)
print(sorted([Square(3), Circle(1.5), Square(1)], key=lambda sh: sh.area())[0].s)
