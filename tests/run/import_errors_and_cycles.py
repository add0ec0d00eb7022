# Import errors and circular imports, with CPython's messages: missing modules and names,
# "partially initialized module", relative imports beyond the top level, __all__ and star
# imports, importlib.import_module and reload.
import importlib
import os
import sys

root = "/tmp/rpy-import-errors-%d" % os.getpid()
os.makedirs(root + "/pkg/inner", exist_ok=True)
files = {
    "/cyc_a.py": "import cyc_b\nA = 1\n",
    "/cyc_b.py": "from cyc_a import A\n",
    "/okcyc_a.py": "import okcyc_b\nVALUE = 'a'\ndef get():\n    return okcyc_b.VALUE\n",
    "/okcyc_b.py": "import okcyc_a\nVALUE = 'b'\n",
    "/pkg/__init__.py": "__all__ = ['exported', 'inner']\nexported = 1\nhidden = 2\n",
    "/pkg/inner/__init__.py": "from .. import exported\nfrom . import leaf\n",
    "/pkg/inner/leaf.py": "LEAF = 'leaf'\n",
    "/pkg/inner/bad.py": "from ... import nothing\n",
    "/counter.py": "import sys\nCOUNT = getattr(sys, '_rpy_count', 0) + 1\nsys._rpy_count = COUNT\n",
}
for name, text in files.items():
    with open(root + name, "w") as f:
        f.write(text)
sys.path.insert(0, root)


def show(e):
    print(type(e).__name__ + ":", str(e).replace(root, "ROOT"))


for stmt in [
    "import no_such_module",
    "import pkg.no_such_sub",
    "from pkg import no_such_name",
    "import pkg.exported",
    "import cyc_a",
    "from pkg.inner import bad",
]:
    try:
        exec(stmt, {})
    except ImportError as e:
        show(e)
        print("   name:", e.name, "| path:", str(e.path).replace(root, "ROOT"))

import okcyc_a
print(okcyc_a.get(), okcyc_a.okcyc_b.okcyc_a is okcyc_a)
ns = {}
exec("from pkg import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
import pkg.inner
print(pkg.inner.exported, pkg.inner.leaf.LEAF)

m = importlib.import_module("pkg.inner.leaf")
print(m.LEAF, importlib.import_module(".leaf", "pkg.inner") is m)
try:
    importlib.import_module(".leaf")
except TypeError as e:
    show(e)
import counter
print(counter.COUNT)
with open(root + "/counter.py", "a") as f:
    f.write("EXTRA = 'reloaded'\n")
importlib.reload(counter)
print(counter.COUNT, counter.EXTRA)
importlib.invalidate_caches()

for name in files:
    os.remove(root + name)
for d in ["/pkg/inner", "/pkg", ""]:
    for entry in os.listdir(root + d):
        if entry == "__pycache__":
            for f in os.listdir(root + d + "/__pycache__"):
                os.remove(root + d + "/__pycache__/" + f)
            os.rmdir(root + d + "/__pycache__")
    os.rmdir(root + d)
