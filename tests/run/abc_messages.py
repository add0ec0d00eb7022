# The message for instantiating a class with abstract methods (3.11 wording: no quotes,
# "method" or "methods" with a comma-separated sorted list), through abc and by hand.
import abc


def attempt(cls, *args, **kwargs):
    try:
        cls(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("made", cls.__name__)


class One(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class Three(abc.ABC):
    @abc.abstractmethod
    def zeta(self):
        pass

    @abc.abstractmethod
    def alpha(self):
        pass

    @property
    @abc.abstractmethod
    def middle(self):
        pass


class Partial(Three):
    def zeta(self):
        return 1


class Done(Partial):
    def alpha(self):
        return 2

    @property
    def middle(self):
        return 3


attempt(One)
attempt(Three)
attempt(Partial)
attempt(Done)
attempt(One, 1, key=2)


# With a metaclass, classmethod and staticmethod abstracts.
class Meta(abc.ABCMeta):
    pass


class WithMeta(metaclass=Meta):
    @classmethod
    @abc.abstractmethod
    def build(cls):
        pass

    @staticmethod
    @abc.abstractmethod
    def helper():
        pass


attempt(WithMeta)
print(sorted(WithMeta.__abstractmethods__))


# __abstractmethods__ set by hand on a plain class.
class Plain:
    pass


Plain.__abstractmethods__ = frozenset({"b", "a"})
attempt(Plain)
Plain.__abstractmethods__ = frozenset({"only"})
attempt(Plain)
Plain.__abstractmethods__ = frozenset()
attempt(Plain)
Plain.__abstractmethods__ = ["listed"]
attempt(Plain)
Plain.__abstractmethods__ = (3,)
attempt(Plain)
Plain.__abstractmethods__ = ("x", 3)
attempt(Plain)
del Plain.__abstractmethods__
attempt(Plain)


# After update_abstractmethods.
class Later(abc.ABC):
    def g(self):
        pass


Later.g = abc.abstractmethod(lambda self: None)
abc.update_abstractmethods(Later)
attempt(Later)


# Subclass of a built-in type with abstract methods.
class AbstractList(list, abc.ABC):
    @abc.abstractmethod
    def extra(self):
        pass


attempt(AbstractList)
attempt(AbstractList, [1, 2])
print(One.__abstractmethods__, type(Three.__abstractmethods__).__name__)
