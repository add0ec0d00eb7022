"""Module docstring."""


def f(x):
    """Function docstring."""
    assert x, "x must be true"
    if __debug__:
        print("debug")
    return __debug__ and x


class C:
    """Class docstring."""

    def m(self):
        "Method docstring."
        assert self
