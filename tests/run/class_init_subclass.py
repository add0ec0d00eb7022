# class: __init_subclass__ with keyword arguments and registry
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class Json(Plugin, name='json'): pass
class Yaml(Plugin): pass
class SubJson(Json, name='json2'): pass
print(sorted(Plugin.registry), SubJson.plugin_name, Yaml.plugin_name)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print('TypeError', e)
class Counted:
    subclasses = 0
    def __init_subclass__(cls):
        Counted.subclasses += 1
class A(Counted): pass
class B(A): pass
print(Counted.subclasses)
