# A class nobody references any more is freed by gc.collect() (its MRO names the class
# itself, a cycle), and weak references to it die then.
import gc
import weakref


def make_class():
    class Temporary:
        attr = 1

        def method(self):
            return self.attr

    return Temporary


cls = make_class()
ref = weakref.ref(cls)
print(ref() is cls, cls().method())
del cls
gc.collect()
print("plain class dead:", ref() is None)


# A class with a subclass, instances, a method using super() (a __class__ cell), a
# classmethod, a staticmethod and a property.
def make_family():
    class Base:
        def greet(self):
            return "base"

    class Child(Base):
        def greet(self):
            return "child of " + super().greet()

        @classmethod
        def make(cls):
            return cls()

        @staticmethod
        def helper():
            return 1

        @property
        def prop(self):
            return 2

    return Base, Child


base, child = make_family()
obj = child.make()
print(obj.greet(), obj.prop, child.helper())
refs = [weakref.ref(base), weakref.ref(child)]
del base, child, obj
gc.collect()
print("family dead:", [r() is None for r in refs])


# A class kept alive by an instance survives; it dies with the instance.
def make_with_instance():
    class Held:
        pass

    return Held()


inst = make_with_instance()
held_ref = weakref.ref(type(inst))
gc.collect()
print("held alive:", held_ref() is not None)
del inst
gc.collect()
print("held dead:", held_ref() is None)

# Classes made by type() and referenced from a global stay alive.
Kept = type("Kept", (), {"x": 1})
kept_ref = weakref.ref(Kept)
gc.collect()
print("global alive:", kept_ref() is Kept, Kept.x)


# A weakref callback runs when the class is collected.
def make_dynamic():
    return type("Dynamic", (object,), {"value": 3})


dyn = make_dynamic()
called = []
dyn_ref = weakref.ref(dyn, lambda r: called.append("callback"))
del dyn
gc.collect()
print("callback:", called, dyn_ref() is None)


# A metaclass instance (a class made by a custom metaclass) is freed too.
class Meta(type):
    pass


def make_meta_class():
    class WithMeta(metaclass=Meta):
        pass

    return WithMeta


wm = make_meta_class()
wm_ref = weakref.ref(wm)
del wm
gc.collect()
print("metaclass instance dead:", wm_ref() is None)

# __subclasses__ forgets a collected subclass.
class Parent:
    pass


def make_sub():
    class Sub(Parent):
        pass

    return Sub


sub = make_sub()
print([c.__name__ for c in Parent.__subclasses__()])
del sub
gc.collect()
print([c.__name__ for c in Parent.__subclasses__()])
