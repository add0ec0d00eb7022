"""`_frozen_importlib_external`: in CPython, the frozen `importlib._bootstrap_external` that start-up
installs; in rpy, that same module as `importlib` sets it up over the native import."""

import sys
import importlib

sys.modules[__name__] = importlib._bootstrap_external
