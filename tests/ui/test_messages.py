"""Unexpected failures in an action become one sentence naming the log file."""

from __future__ import annotations

import logging

import pytest

from jmapper.logging_setup import log_path
from jmapper.ui.dialogs.messages import reporting_errors


def test_an_unexpected_error_names_the_log_file(message_boxes, caplog) -> None:
    with caplog.at_level(logging.ERROR), reporting_errors(None, "Export"):
        raise RuntimeError("boom")
    assert len(message_boxes.shown) == 1
    _kind, _title, text = message_boxes.shown[0]
    assert "unexpected problem" in text
    assert str(log_path()) in text
    assert "Traceback" not in text and "boom" not in text
    assert "boom" in caplog.text  # the details went to the log


def test_a_user_error_is_shown_as_it_is(message_boxes) -> None:
    from jmapper.services.errors import ServiceError

    with reporting_errors(None, "Import"):
        raise ServiceError("There is no file “x.json” to import.")
    assert message_boxes.shown[0][2] == "There is no file “x.json” to import."


@pytest.mark.parametrize("error", [KeyboardInterrupt, SystemExit])
def test_interrupts_are_not_swallowed(message_boxes, error) -> None:
    with pytest.raises(error), reporting_errors(None, "Export"):
        raise error()
    assert message_boxes.shown == []
