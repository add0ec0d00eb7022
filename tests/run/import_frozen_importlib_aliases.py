# The names CPython's start-up gives importlib's bootstrap modules; zipimport uses them.
import _frozen_importlib_external as external, _frozen_importlib as bootstrap, importlib
print(external is importlib._bootstrap_external, bootstrap is importlib._bootstrap)
print(external.SOURCE_SUFFIXES, external.BYTECODE_SUFFIXES)
import sys
print(repr(sys.abiflags))
import zipimport, io, os, tempfile, zipfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'lib.zip')
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr('zmod.py', 'VALUE = 41 + 1\n')
    sys.path.insert(0, path)
    import zmod
    print(zmod.VALUE, type(zmod.__loader__).__name__)
    sys.path.remove(path)
