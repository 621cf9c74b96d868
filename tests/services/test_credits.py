"""The About dialog's facts: jmapper's version, the fonts' and the shipped libraries' licences."""

from __future__ import annotations

from importlib import metadata

from jmapper import __version__
from jmapper.services.credits import (
    SHIPPED_DISTRIBUTIONS,
    font_credits,
    library_credits,
    version_line,
)


def test_version_line_names_jmapper_and_python():
    assert version_line().startswith(f"jmapper {__version__} (Python 3.")


def test_every_bundled_font_comes_with_its_licence_text():
    credits = {credit.name: credit for credit in font_credits()}
    noto = "Noto (Sans Arabic, Hebrew, Thai, Devanagari, KR; Emoji)"
    assert set(credits) == {"DejaVu Sans", "Droid Sans Fallback", noto}
    assert "SIL Open Font License" in credits[noto].text
    assert credits[noto].licence == "OFL-1.1"
    assert "Bitstream Vera" in credits["DejaVu Sans"].text
    assert "Apache License" in credits["Droid Sans Fallback"].text
    assert credits["Droid Sans Fallback"].licence == "Apache-2.0"


def test_every_shipped_library_has_its_installed_version_and_a_licence():
    credits = {credit.name: credit for credit in library_credits()}
    assert list(credits) == ["Python", *SHIPPED_DISTRIBUTIONS]
    for name in SHIPPED_DISTRIBUTIONS:
        assert credits[name].version == metadata.version(name)
        assert credits[name].licence and credits[name].licence != "see the project"
    assert credits["SQLAlchemy"].licence == "MIT"
    assert "Permission is hereby granted" in credits["SQLAlchemy"].text
    assert credits["PySide6-Essentials"].licence.startswith("LGPL-3.0")
