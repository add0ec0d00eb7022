# The attributes the import system gives modules: __name__, __file__, __cached__, __spec__,
# __loader__, __package__, __path__, for a module, a package, a submodule, a namespace
# package and a built-in module; ModuleSpec and loader behaviour.
import os
import sys

root = "/tmp/rpy-import-attrs-%d" % os.getpid()
for d in ["", "/pkg", "/pkg/sub", "/nsroot/ns"]:
    os.makedirs(root + d, exist_ok=True)
files = {
    "/plain.py": "VALUE = 'plain'\n",
    "/pkg/__init__.py": "from . import mod\n",
    "/pkg/mod.py": "SEEN = __name__, __package__\n",
    "/pkg/sub/__init__.py": "",
    "/nsroot/ns/part.py": "PART = 1\n",
}
for name, text in files.items():
    with open(root + name, "w") as f:
        f.write(text)
sys.path[:0] = [root, root + "/nsroot"]


def clean(value):
    text = str(value).replace(root, "ROOT").replace(sys.implementation.cache_tag, "TAG")
    while " at 0x" in text:
        head, _, rest = text.partition(" at 0x")
        text = head + " at ADDR" + rest[rest.index(">"):]
    return text


import plain
import pkg
import pkg.sub
import ns.part

for m in [plain, pkg, pkg.mod, pkg.sub, ns, ns.part]:
    print(m.__name__)
    for attr in ["__file__", "__cached__", "__package__", "__path__", "__spec__", "__loader__"]:
        print("   ", attr, clean(getattr(m, attr, "<missing>")))
    spec = m.__spec__
    print("    spec:", spec.name, clean(spec.origin), clean(spec.cached), spec.parent, spec.has_location)
print(pkg.mod.SEEN)
loader = plain.__loader__
print(loader.name, clean(loader.path), loader.is_package("plain"), pkg.__loader__.is_package("pkg"))
print(clean(loader.get_filename("plain")), loader.get_source("plain"), loader.get_data(loader.path))
code = loader.get_code("plain")
print(type(code).__name__, clean(code.co_filename))
ns_dict = {}
exec(code, ns_dict)
print(ns_dict["VALUE"])
print(plain.__spec__ == plain.__spec__, plain.__loader__ == type(plain.__loader__)("plain", plain.__file__))
print(__spec__, __name__)
print(sys.__spec__, sys.__package__ == "", sys.__loader__)

for name in sorted(files, reverse=True):
    os.remove(root + name)
for d in ["/nsroot/ns", "/nsroot", "/pkg/sub", "/pkg", ""]:
    for entry in os.listdir(root + d):
        if entry == "__pycache__":
            for f in os.listdir(root + d + "/__pycache__"):
                os.remove(root + d + "/__pycache__/" + f)
            os.rmdir(root + d + "/__pycache__")
    os.rmdir(root + d)
