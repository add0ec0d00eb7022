# sys.meta_path finders and sys.path_hooks written in Python are honoured by the import system.
import sys

class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.value = "made by " + module.__name__
        module.loader_seen = type(module.__loader__).__name__

class Spec:
    def __init__(self, name, loader):
        self.name = name
        self.loader = loader
        self.origin = "virtual"
        self.submodule_search_locations = None
        self.parent = name.rpartition('.')[0]
        self.has_location = False
        self.cached = None

class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual_"):
            return Spec(name, Loader())
        return None

sys.meta_path.insert(0, Finder())
import virtual_one
print(virtual_one.value, virtual_one.loader_seen, virtual_one.__package__ == '')
from virtual_two import value
print(value)
try:
    import not_virtual_nor_real
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

class Hook:
    def __init__(self, path):
        if path != "<hooked>":
            raise ImportError("not mine")
    def find_spec(self, name, target=None):
        if name == "hooked_mod":
            return Spec(name, Loader())
        return None

sys.path_hooks.append(Hook)
sys.path.append("<hooked>")
import hooked_mod
print(hooked_mod.value, type(sys.path_importer_cache["<hooked>"]).__name__)
import math
print(math.floor(2.5))
