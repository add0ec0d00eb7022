"""rpy's `importlib` package.

Imports go through rpy's native import system (the path finder and bytecode cache written in
Rust, which also honours `sys.meta_path` and `sys.path_hooks` entries added by programs). The
machinery classes and helpers (`importlib.util`, `importlib.machinery`, `importlib.abc`, ...)
come from the pure-Python `importlib._bootstrap` and `importlib._bootstrap_external` of the
CPython 3.11 library found at run time, set up here the way CPython's start-up sets them up.
"""

import sys
import _imp


_lib = _imp._rpy_stdlib_dir()
if _lib is None:
    raise ImportError('importlib needs the CPython 3.11 standard library (set RPY_STDLIB)',
                      name='importlib')
__path__.append(_lib + '/importlib')
del _lib

from . import _bootstrap
_bootstrap._setup(sys, _imp)
from . import _bootstrap_external
_bootstrap_external._set_bootstrap_module(_bootstrap)
_bootstrap._bootstrap_external = _bootstrap_external
sys.modules.setdefault('_frozen_importlib', _bootstrap)
sys.modules.setdefault('_frozen_importlib_external', _bootstrap_external)

# Names CPython's importlib/__init__.py exports.
_pack_uint32 = _bootstrap_external._pack_uint32
_unpack_uint32 = _bootstrap_external._unpack_uint32

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

from ._bootstrap import __import__  # noqa: E402  (the Python-level __import__)


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored in
    sys.meta_path (where implemented)."""
    for finder in sys.meta_path:
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.
    """
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    _bootstrap._sanity_check(name[level:], package, level)
    absolute = _bootstrap._resolve_name(name[level:], package, level) if level else name
    __builtins__['__import__'](absolute) if isinstance(__builtins__, dict) \
        else __builtins__.__import__(absolute)
    return sys.modules[absolute]


_RELOADING = {}


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.
    """
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition('.')[0]
        if parent_name and parent_name not in sys.modules:
            raise ImportError(f"parent {parent_name!r} not in sys.modules",
                              name=parent_name)
        _imp._rpy_reload(module)
        # The module may have replaced itself in sys.modules.
        return sys.modules[name]
    finally:
        try:
            del _RELOADING[name]
        except KeyError:
            pass
