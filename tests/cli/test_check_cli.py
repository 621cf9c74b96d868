"""``jmapper check``: the expected rule ids and exit codes on samples and on a bad map."""

from __future__ import annotations

import json

from jmapper.app import main
from jmapper.storage import LibraryStore


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def make(capsys, path, title: str, *extra: str) -> str:
    code, out, err = run(capsys, "new", str(path), "--title", title, *extra)
    assert code == 0, err
    return out.strip()


def test_a_bare_map_fails_with_its_error_ids(tmp_path, capsys):
    lib = tmp_path / "lib.jmapper"
    bad = make(capsys, lib, "Bare")
    before = lib.read_bytes()
    code, out, err = run(capsys, "check", str(lib), "--json")
    assert code == 1 and err == ""
    document = json.loads(out)
    assert document["version"] == 1 and document["errors"] == 2
    (report,) = document["maps"]
    assert report["id"] == bad and report["title"] == "Bare"
    errors = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    assert errors == {"no-persona", "no-scenario"}
    first = report["findings"][0]
    assert first["key"] == f"{first['rule']}:{first['target']['kind']}:{first['target']['id']}"
    assert lib.read_bytes() == before  # checking never writes


def test_rules_choose_which_run_and_decide_the_exit_code(tmp_path, capsys):
    lib = tmp_path / "lib.jmapper"
    make(capsys, lib, "Bare")
    code, out, _ = run(capsys, "check", str(lib), "--json", "--rules", "stage-without-evidence")
    assert code == 0
    rules = {f["rule"] for f in json.loads(out)["maps"][0]["findings"]}
    assert rules == {"stage-without-evidence"}
    code, out, _ = run(capsys, "check", str(lib), "--rules", "no-persona")
    assert code == 1
    assert "no-persona" in out and "stage-without-evidence" not in out
    assert out.splitlines()[-1] == "1 map checked, 1 finding, 1 error."


def test_a_sample_has_no_errors_and_map_picks_one(tmp_path, capsys):
    lib = tmp_path / "lib.jmapper"
    make(capsys, lib, "Bare")
    sample = make(capsys, lib, "Support", "--from-sample", "support_request")
    code, out, _ = run(capsys, "check", str(lib), "--map", "Support", "--json")
    assert code == 0
    (report,) = json.loads(out)["maps"]
    assert report["id"] == sample
    assert all(f["severity"] != "error" for f in report["findings"])
    code, out, _ = run(capsys, "check", str(lib))
    assert code == 1  # the bare map in the same library still fails the whole run
    assert "Support" in out and "Bare" in out and "2 maps checked" in out


def test_an_empty_library_passes(tmp_path, capsys):
    lib = tmp_path / "empty.jmapper"
    LibraryStore.create(lib).close()
    code, out, _ = run(capsys, "check", str(lib))
    assert (code, out) == (0, "No maps to check.\n")


def test_a_dismissed_error_no_longer_fails_the_check_but_is_listed(tmp_path, capsys):
    from jmapper.model import edits

    lib = tmp_path / "lib.jmapper"
    bad = make(capsys, lib, "Bare")
    with LibraryStore.open(lib) as store:
        bundle = store.load_map(bad)
        for rule in ("no-persona", "no-scenario"):
            changeset, _ = edits.dismiss_finding(bundle, rule, "map", bad, "Pilot map", "t0")
            bundle.apply(changeset.changes)
            store.apply(changeset.changes)
    code, out, _ = run(capsys, "check", str(lib), "--json")
    assert code == 0
    document = json.loads(out)
    assert document["errors"] == 0
    (report,) = document["maps"]
    assert {f["rule"] for f in report["findings"]} & {"no-persona", "no-scenario"} == set()
    dismissed = {f["rule"]: f for f in report["dismissed"]}
    assert set(dismissed) == {"no-persona", "no-scenario"}
    assert dismissed["no-persona"]["reason"] == "Pilot map"
    assert dismissed["no-persona"]["severity"] == "error"
    code, out, _ = run(capsys, "check", str(lib))
    assert code == 0 and "2 dismissed" in out.splitlines()[0]
    assert "no-persona" not in out
