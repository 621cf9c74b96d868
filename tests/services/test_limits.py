"""The documented limits are checked before the work they protect, with a sentence naming them."""

from __future__ import annotations

import base64
import hashlib
import io
import json

import pytest
from PIL import Image

from jmapper.services.errors import ServiceError
from jmapper.services.library import (
    check_map_openable,
    create_map,
    export_json,
    first_openable,
    import_json,
    open_library,
    read_import,
)
from jmapper.services.limits import (
    MAX_CARDS_PER_MAP,
    MAX_IMAGE_PIXELS,
    MAX_IMPORT_BYTES,
    check_image_pixels,
    check_map_cards,
)
from tests.bench.generate_map import generate_bundle


@pytest.fixture
def store(tmp_path):
    store = open_library(tmp_path / "lib.jmapper", create=True)
    yield store
    store.close()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_import_file_over_the_byte_limit_is_refused_before_it_is_read(store, tmp_path):
    source = tmp_path / "big.json"
    with source.open("wb") as handle:  # sparse, and not JSON: only its size may be looked at
        handle.truncate(MAX_IMPORT_BYTES + 1)
    before = _digest(store.path)
    with pytest.raises(ServiceError, match=f"more than the {MAX_IMPORT_BYTES // 2**20} MB"):
        import_json(store, source)
    assert store.map_ids() == [] and _digest(store.path) == before


def test_a_map_over_the_card_limit_is_refused_before_its_cards_are_read(store, tmp_path):
    bundle = create_map(store, "Support", from_sample="support_request")
    source = tmp_path / "support.json"
    export_json(store, bundle.map.id, source)
    data = json.loads(source.read_text(encoding="utf-8"))
    cards = data["cards"]
    # Copies of one card would be refused as duplicates if they were read.
    data["cards"] = [cards[0]] * (MAX_CARDS_PER_MAP + 1)
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ServiceError) as refused:
        read_import(source)
    assert f"has {MAX_CARDS_PER_MAP + 1:,} cards" in str(refused.value)
    assert f"the {MAX_CARDS_PER_MAP:,} cards a map can hold" in str(refused.value)
    data["cards"] = cards
    source.write_text(json.dumps(data), encoding="utf-8")
    (parsed,) = read_import(source).bundles
    assert len(parsed.cards) == len(cards)


def test_the_card_limit_itself_is_allowed():
    check_map_cards("At the limit", MAX_CARDS_PER_MAP)
    with pytest.raises(ServiceError, match="split it into smaller maps"):
        check_map_cards("Over", MAX_CARDS_PER_MAP + 1)


def test_image_pixels():
    check_image_pixels("logo.png", 5000, 5000)
    with pytest.raises(ServiceError, match="megapixels"):
        check_image_pixels("logo.png", 20_000, 20_000)


def test_a_stored_map_over_the_limit_is_refused_from_its_summary(store):
    small = create_map(store, "Small", from_sample="support_request")
    big = generate_bundle(stages=20, lanes=10, cards_per_cell=MAX_CARDS_PER_MAP // 200 + 1)
    store.add_bundle(big)
    with pytest.raises(ServiceError, match="cards a map can hold"):
        check_map_openable(store, big.map.id)
    check_map_openable(store, small.map.id)
    summaries = sorted(store.list_maps(), key=lambda s: -s.card_count)
    assert summaries[0].id == big.map.id
    first = first_openable(summaries)
    assert first is not None and first.id == small.map.id


def test_a_persona_photo_over_the_pixel_limit_is_refused_on_import(store, tmp_path):
    bundle = create_map(store, "Support", from_sample="support_request")
    source = tmp_path / "support.json"
    export_json(store, bundle.map.id, source)
    data = json.loads(source.read_text(encoding="utf-8"))
    picture = io.BytesIO()
    Image.new("1", (10_000, MAX_IMAGE_PIXELS // 10_000 + 1)).save(picture, "PNG")
    data["personas"][0]["photo"] = base64.b64encode(picture.getvalue()).decode("ascii")
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ServiceError, match="is 10,000 x 5,001 pixels, more than the 50 megapixels"):
        read_import(source)
