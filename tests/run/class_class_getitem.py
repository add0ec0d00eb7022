# class: __class_getitem__ and builtin generic aliases
class Box:
    def __class_getitem__(cls, item):
        return f'Box[{item.__name__ if isinstance(item, type) else item}]'
print(Box[int], Box['x'], Box[str])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int] == list[int], list[int].__origin__ is list, list[int].__args__)
class Plain: pass
try:
    Plain[int]
except TypeError as e:
    print('TypeError', e)
