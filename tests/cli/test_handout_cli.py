"""``jmapper export --handout``: readable pages from the command line."""

from __future__ import annotations

from pypdf import PdfReader

from jmapper.app import main
from tests.export.printed import smallest_per_page


def test_handout_writes_readable_a4_pages_by_default(tmp_path, capsys) -> None:
    library = tmp_path / "lib.jmapper"
    code = main(["new", str(library), "--title", "Support", "--from-sample", "support_request"])
    assert code == 0
    out = tmp_path / "handout.pdf"
    args = ["export", str(library), "--map", "Support", "--format", "pdf", "-o", str(out)]
    code = main([*args, "--handout"])
    _out, err = capsys.readouterr()
    assert code == 0, err
    assert "below the readable" not in err
    reader = PdfReader(str(out))
    assert len(reader.pages) > 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    assert min(smallest_per_page(out)) >= 6 - 1e-6
    # A fit on the same A4 warns with the smallest text it prints, and names the handout.
    fit = tmp_path / "fit.pdf"
    code = main(
        [
            "export",
            str(library),
            "--map",
            "Support",
            "--format",
            "pdf",
            "-o",
            str(fit),
            "--paper",
            "A4",
        ]
    )
    _out, err = capsys.readouterr()
    assert code == 0 and "handout" in err
