"""A bug that escapes every command's own checks still ends in one sentence, not a traceback."""

from __future__ import annotations

import pytest

import jmapper.cli.commands as commands
from jmapper.app import main
from jmapper.logging_setup import log_path


def test_an_unexpected_error_is_one_sentence_and_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:  # fault injection: a bug inside a command
        raise KeyError("registry entry")

    monkeypatch.setattr(commands, "run_command", broken)
    assert main(["maps", "any.jmapper"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert err.startswith("jmapper: An unexpected error stopped this command (KeyError")
    assert str(log_path()) in err
    assert "registry entry" in log_path().read_text()
    assert "Traceback" in log_path().read_text()
