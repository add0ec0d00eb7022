"""The objects rpy's import system puts in a module's ``__spec__`` and ``__loader__``.

rpy finds and loads modules in Rust (with the bytecode cache); these classes give Python code
the interface CPython's import system offers for the same modules: a ``ModuleSpec`` with
``name``, ``loader``, ``origin``, ``submodule_search_locations``, ``cached``, ``parent``,
``has_location``, and file loaders with ``get_code``, ``get_source``, ``get_data``,
``get_filename``, ``is_package``, ``create_module``/``exec_module``. They carry the module
names CPython's classes have, so their reprs read the same.
"""

import _imp
import sys

_BOOTSTRAP = '_frozen_importlib'
_EXTERNAL = '_frozen_importlib_external'


class ModuleSpec:
    """The import-related state of a module (PEP 451)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            parts.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            parts.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{type(self).__name__}({", ".join(parts)})'

    def __eq__(self, other):
        locations = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader
                    and self.origin == other.origin
                    and locations == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            if self.origin.endswith('.py'):
                self._cached = _imp._rpy_cache_from_source(self.origin)
            elif self.origin.endswith('.pyc'):
                self._cached = self.origin
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the package the module belongs to."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


ModuleSpec.__module__ = _BOOTSTRAP


# The loader of the modules written in Rust: the class on sys.meta_path (made in Rust).
BuiltinImporter = _imp._rpy_builtin_importer()


class FileLoader:
    """What the loaders of files share: the module name and the file path."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        return _imp._rpy_read_file(path)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when get_code() '
                              'returns None')
        exec(code, module.__dict__)

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'

    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)


class SourceFileLoader(FileLoader):
    """The loader of a ``.py`` module, through the bytecode cache."""

    def path_stats(self, path):
        st = _imp._rpy_stat(path)
        return {'mtime': st[0], 'size': st[1]}

    def get_code(self, fullname):
        return _imp._rpy_source_code(fullname, self.path)

    def get_source(self, fullname):
        # Decoded by its coding cookie (PEP 263), newlines made universal.
        return _imp._rpy_decode_source(self.get_data(self.path))

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)


class SourcelessFileLoader(FileLoader):
    """The loader of a module that is only a ``.pyc``."""

    def get_code(self, fullname):
        return _imp._rpy_sourceless_code(fullname, self.path)

    def get_source(self, fullname):
        return None


class _NamespacePath:
    """The ``__path__`` of a namespace package: the directories that make it up."""

    def __init__(self, name, path, path_finder=None):
        self._name = name
        self._path = list(path)

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __repr__(self):
        return f'_NamespacePath({self._path!r})'

    def __contains__(self, item):
        return item in self._path

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    """The loader of a namespace package (a directory without ``__init__``)."""

    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


for _cls in (FileLoader, SourceFileLoader, SourcelessFileLoader, _NamespacePath,
             NamespaceLoader):
    _cls.__module__ = _EXTERNAL
del _cls


def module_spec(name, kind, path, locations):
    """The (spec, loader) of a module rpy's import system just found (a namespace package's
    ``__path__`` is ``spec.submodule_search_locations``).

    ``kind`` is 'namespace' or 'builtin'. rpy makes the specs of files itself
    (``file_spec`` in crates/vm/src/import.rs): a ModuleSpec and a SourceFileLoader or
    SourcelessFileLoader with the attributes their ``__init__`` methods set.
    """
    if kind == 'builtin':
        return ModuleSpec(name, BuiltinImporter, origin='built-in'), BuiltinImporter
    if kind == 'namespace':
        locations = _NamespacePath(name, locations)
        loader = NamespaceLoader(name, locations)
        spec = ModuleSpec(name, loader, is_package=True)
        spec.submodule_search_locations = locations
        return spec, loader
    raise ValueError(f'module_spec: unknown kind {kind!r}')
