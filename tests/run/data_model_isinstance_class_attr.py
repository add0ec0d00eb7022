# isinstance falls back to the instance's __class__ attribute when type(obj) is not a
# subclass (proxies, unittest.mock-style specs); issubclass and class-like objects with
# __bases__.
import weakref


class Target:
    pass


class Other:
    pass


class Pretender:
    @property
    def __class__(self):
        return Target


p = Pretender()
print(type(p).__name__, p.__class__.__name__)
print(isinstance(p, Target), isinstance(p, Pretender), isinstance(p, Other))
print(isinstance(p, (Other, Target)), isinstance(p, object))


class SubTarget(Target):
    pass


class PretendSub:
    __class__ = SubTarget  # a plain class attribute also counts


print(isinstance(PretendSub(), Target), isinstance(PretendSub(), SubTarget))


# A mock-like object: __class__ is settable per instance and used by isinstance.
class Mock:
    def __init__(self, spec=None):
        object.__setattr__(self, "_spec_class", spec)

    def _get_class(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    def _set_class(self, value):
        object.__setattr__(self, "_spec_class", value)

    __class__ = property(_get_class, _set_class)


m = Mock(spec=Target)
print(isinstance(m, Target), isinstance(m, Mock), isinstance(m, Other))
m.__class__ = Other
print(isinstance(m, Target), isinstance(m, Other))
plain = Mock()
print(isinstance(plain, Target), isinstance(plain, Mock))


# __class__ that is not a class, or that raises AttributeError, is ignored.
class NotAClass:
    __class__ = 42


print(isinstance(NotAClass(), int), isinstance(NotAClass(), NotAClass))


class Raises:
    @property
    def __class__(self):
        raise AttributeError("no class here")


print(isinstance(Raises(), Target), isinstance(Raises(), Raises))


class RaisesOther:
    @property
    def __class__(self):
        raise KeyError("boom")


try:
    isinstance(RaisesOther(), Target)
except KeyError as e:
    print("KeyError", e)
print(isinstance(RaisesOther(), RaisesOther))


# Through a __getattr__ proxy (the wrapped object's class).
class Proxy:
    def __init__(self, obj):
        object.__setattr__(self, "_obj", obj)

    def __getattribute__(self, name):
        if name == "_obj":
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_obj"), name)


px = Proxy([1, 2])
print(isinstance(px, list), isinstance(px, Proxy), isinstance(px, dict), len(px.__class__()))

# weakref.proxy reports its referent's class.
t = Target()
wp = weakref.proxy(t)
print(isinstance(wp, Target), type(wp) is Target)


# An ABC-style metaclass __instancecheck__ still wins.
class Meta(type):
    def __instancecheck__(cls, obj):
        print("  instancecheck", cls.__name__, type(obj).__name__)
        return obj == "yes"


class Checked(metaclass=Meta):
    pass


print(isinstance("yes", Checked), isinstance("no", Checked))
print(isinstance(Checked(), Checked))
print(type.__instancecheck__(Target, p), type.__instancecheck__(Target, Other()))


# Class-like objects: anything with a __bases__ tuple.
class FakeClass:
    def __init__(self, name, bases=()):
        self.name = name
        self.__bases__ = bases

    def __repr__(self):
        return self.name


base = FakeClass("base")
derived = FakeClass("derived", (base,))


class HasFakeClass:
    def __init__(self, cls):
        self.__dict__["fake"] = cls

    @property
    def __class__(self):
        return self.fake


print(isinstance(HasFakeClass(derived), base), isinstance(HasFakeClass(base), derived))
print(isinstance(HasFakeClass(base), base), isinstance(Target(), base))
print(issubclass(derived, base), issubclass(base, derived), issubclass(derived, derived))
for bad in (lambda: isinstance(1, 1), lambda: isinstance(1, FakeClass("x", 5)),
            lambda: issubclass(1, base), lambda: issubclass(Target, 1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
