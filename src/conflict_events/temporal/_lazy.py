"""A per-instance cached property without the lock that Python 3.11's ``functools.cached_property`` takes.

``cached_property.__get__`` acquires an ``RLock`` on every first read (2.2 against 0.7 us a read); the
governing-time situation is made one or two times per event trigger and claim, and reads two or three
of its lazy facts each time. The value is stored in the instance's ``__dict__`` under the property's
name, so every later read finds it there and this descriptor is not called again, as with
``cached_property``. Not for instances shared between threads while a value is first computed.

>>> class Box:
...     runs = 0
...     @lazy_property
...     def value(self) -> int:
...         Box.runs += 1
...         return 42
>>> box = Box()
>>> box.value, box.value, Box.runs
(42, 42, 1)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["lazy_property"]

_T = TypeVar("_T")


class lazy_property(Generic[_T]):  # named like the decorator it stands in for
    """Compute on first read, then keep in the instance's ``__dict__``."""

    def __init__(self, fn: Callable[[Any], _T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy_property[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> _T | lazy_property[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value
