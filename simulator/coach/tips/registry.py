"""The register of tip writers: one per area of `areas.AREAS`."""

from __future__ import annotations

from collections.abc import Callable

from ...areas import AREAS
from ...types import Metric
from ..context import Context

Writer = Callable[[Metric, Context], "str | None"]  # None: the evidence does not support a tip
WRITERS: dict[str, Writer] = {}


def writes(name: str) -> Callable[[Writer], Writer]:
    """Register the tip writer of an area of `areas.AREAS` (one per area)."""

    def register(writer: Writer) -> Writer:
        if name not in AREAS:
            raise ValueError(f"{name!r} is not an area in simulator/areas.py")
        if name in WRITERS:
            raise ValueError(f"{name!r} has two tip writers")
        WRITERS[name] = writer
        return writer

    return register
