# class: hand-written enum-like class using a metaclass with iteration
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = []
        for k, v in list(ns.items()):
            if not k.startswith('_') and isinstance(v, int):
                m = object.__new__(cls)
                m.name, m.value = k, v
                setattr(cls, k, m)
                cls._members.append(m)
        return cls
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
    BLUE = 3
    def __repr__(self):
        return f'<Color.{self.name}: {self.value}>'
print(list(Color), len(Color), Color.RED, Color.GREEN.value, Color.BLUE.name)
print(isinstance(Color.RED, Color), Color.RED is Color.RED, [c.name for c in Color if c.value > 1])
