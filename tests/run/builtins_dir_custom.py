# dir() through object.__dir__: the names come from the __dict__ and __class__ attributes
# (so custom __dict__ properties and proxies take part) and the class's __bases__.


def public(names):
    return [n for n in names if not n.startswith("__")]


class Base:
    base_attr = 1

    def base_method(self):
        pass


class Plain(Base):
    cls_attr = 2

    def __init__(self):
        self.inst_attr = 3


print(public(dir(Plain())))
print(public(dir(Plain)))


# A __dict__ property: its keys are listed, the real instance dict is not.
class CustomDict:
    def __init__(self):
        self.hidden = 1

    @property
    def __dict__(self):
        return {"shown": 1, "also_shown": 2}


print(public(dir(CustomDict())))


# A __dict__ that is not a dict is ignored.
class NotADict:
    __dict__ = ["x"]


print(public(dir(NotADict())))


# __class__ names the class whose attributes are listed.
class Target:
    target_attr = 1

    def target_method(self):
        pass


class Pretender:
    own_attr = 1

    @property
    def __class__(self):
        return Target


print(public(dir(Pretender())))


# A proxy forwarding every attribute to the wrapped object.
class Proxy:
    def __init__(self, obj):
        object.__setattr__(self, "_obj", obj)

    def __getattribute__(self, name):
        return getattr(object.__getattribute__(self, "_obj"), name)


p = Plain()
p.extra = 4
print(public(dir(Proxy(p))))
print(dir(Proxy(p)) == dir(p))
print("append" in dir(Proxy([])), "keys" in dir(Proxy({})))


# A class-like __class__: its __dict__ and __bases__ are followed.
class FakeClass:
    def __init__(self, names, bases=()):
        self.__dict__ = dict.fromkeys(names)
        self.__bases__ = bases


fake_base = FakeClass(["from_base"])
fake = FakeClass(["from_fake"], (fake_base,))


class UsesFake:
    @property
    def __class__(self):
        return fake

    @property
    def __dict__(self):
        return {"own": 1}


print(dir(UsesFake()))


# No __class__ at all (AttributeError): only the __dict__ names.
class NoClass:
    @property
    def __class__(self):
        raise AttributeError("none")

    @property
    def __dict__(self):
        return {"only": 1}


print(dir(NoClass()))


# Errors other than AttributeError propagate.
class Broken:
    @property
    def __dict__(self):
        raise KeyError("broken")


try:
    dir(Broken())
except KeyError as e:
    print("KeyError", e)

# Non-str keys reach dir's sort.
class MixedKeys:
    @property
    def __dict__(self):
        return {"a": 1, 3: 4}


try:
    dir(MixedKeys())
except TypeError as e:
    print("TypeError", e)
print(sorted(MixedKeys().__dir__(), key=str)[:2])


# object.__dir__ called directly returns an unsorted list; dir() sorts it.
class Ordered:
    def __init__(self):
        self.zeta = 1
        self.alpha = 2


d = object.__dir__(Ordered())
print(type(d).__name__, d[:2], sorted(d) == dir(Ordered()))
print(public(dir(Proxy(Plain()))) == public(dir(Plain())))
