"""Fixtures: hand-built maps (see :mod:`tests.layout.maps`)."""

from __future__ import annotations

import pytest

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MapType
from tests.layout.maps import make_map


@pytest.fixture
def journey() -> MapBundle:
    return make_map()


@pytest.fixture
def blueprint() -> MapBundle:
    return make_map(MapType.SERVICE_BLUEPRINT)
