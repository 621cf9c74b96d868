"""Fixtures for export tests: hand-built maps (see :mod:`tests.layout.maps`)."""

from __future__ import annotations

import os

import pytest

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MapType
from tests.layout.maps import make_map

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def journey_bundle() -> MapBundle:
    return make_map()


@pytest.fixture
def blueprint_bundle() -> MapBundle:
    return make_map(MapType.SERVICE_BLUEPRINT)
