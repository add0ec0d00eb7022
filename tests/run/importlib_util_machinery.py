# importlib.util and importlib.machinery over rpy's import system: find_spec, cache_from_source
# and source_from_cache (with the interpreter's own cache tag), MAGIC_NUMBER, source_hash,
# decode_source, resolve_name, spec_from_file_location + module_from_spec, SourceFileLoader,
# and sys.meta_path order (a finder appended after the built-in ones is asked last).
import importlib
import importlib.machinery as machinery
import importlib.util as util
import os
import sys

tag = sys.implementation.cache_tag
print(util.cache_from_source("/a/b.py").replace(tag, "TAG"))
print(util.cache_from_source("/a/b.py", optimization=2).replace(tag, "TAG"))
print(util.source_from_cache("/a/__pycache__/b.%s.pyc" % tag))
print(util.MAGIC_NUMBER, util.source_hash(b"x = 1\n"))
print(util.resolve_name(".sub", "pkg"), util.resolve_name("..x", "a.b.c"))
print(repr(util.decode_source(b"# coding: latin-1\nx = '\xe9'\r\ny = 2\n")))
print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES)

spec = util.find_spec("json")
print(spec.name, spec.origin.rsplit("/", 2)[-2:], spec.submodule_search_locations is not None)
print(util.find_spec("json.decoder").name, util.find_spec("no_such_module_here"))
print(util.find_spec("sys").origin)

root = "/tmp/rpy-importlib-util-%d" % os.getpid()
os.makedirs(root, exist_ok=True)
path = root + "/greeting.py"
with open(path, "w") as f:
    f.write("def hello(name):\n    return 'hello ' + name\n")
spec = util.spec_from_file_location("greeting", path)
module = util.module_from_spec(spec)
spec.loader.exec_module(module)
print(module.hello("world"), module.__name__, module.__file__ == path)
loader = machinery.SourceFileLoader("greeting2", path)
print(type(loader.get_code("greeting2")).__name__, loader.get_source("greeting2").splitlines()[0])
print(loader.is_package("greeting2"))


class Last:
    asked = []

    def find_spec(self, name, path, target=None):
        Last.asked.append(name)
        return None


sys.meta_path.append(Last())
sys.path.insert(0, root)
import greeting
try:
    import greeting_missing
except ImportError as e:
    print(type(e).__name__, e)
print(Last.asked)
print(importlib.import_module("greeting") is greeting)

os.remove(path)
for d in [root + "/__pycache__"]:
    if os.path.isdir(d):
        for f in os.listdir(d):
            os.remove(d + "/" + f)
        os.rmdir(d)
os.rmdir(root)
