"""Help > About: version, licence, the bundled fonts' and shipped libraries' licences; the icon."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLabel

from jmapper import __version__
from jmapper.services.credits import SHIPPED_DISTRIBUTIONS
from jmapper.ui import action_names as names


def test_help_about_shows_version_licence_fonts_and_libraries(window, render_dir, qtbot):
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert window.named_actions[names.ABOUT] in help_menu.actions()
    window.named_actions[names.ABOUT].trigger()
    dialog = window.active_dialog
    assert dialog is not None and dialog.objectName() == "aboutDialog"
    qtbot.waitExposed(dialog)
    assert dialog.version_label.text().startswith(f"jmapper {__version__} (Python 3.")
    assert "MIT licence" in dialog.licence_label.text()
    icon = dialog.findChild(QLabel, "aboutIcon")
    assert not icon.pixmap().isNull()
    dialog.grab().save(str(render_dir / "about-dialog.png"))

    fonts = [dialog.fonts.topLevelItem(i).text(0) for i in range(dialog.fonts.topLevelItemCount())]
    assert fonts[:2] == ["DejaVu Sans", "Droid Sans Fallback"]
    assert fonts[2].startswith("Noto")
    assert "Bitstream Vera" in dialog.licence_text(dialog.fonts, "DejaVu Sans")
    assert "Apache License" in dialog.licence_text(dialog.fonts, "Droid Sans Fallback")

    table = dialog.libraries
    rows = {
        table.topLevelItem(i).text(0): table.topLevelItem(i)
        for i in range(table.topLevelItemCount())
    }
    assert list(rows) == ["Python", *SHIPPED_DISTRIBUTIONS]
    assert rows["PySide6-Essentials"].text(2).startswith("LGPL-3.0")
    assert rows["reportlab"].text(1)  # the installed version
    assert "Permission is hereby granted" in dialog.licence_text(table, "SQLAlchemy")
    assert "licence is named in the table" in dialog.licence_text(table, "PySide6-Essentials")
    dialog.tabs.setCurrentIndex(2)
    dialog.grab().save(str(render_dir / "about-dialog-libraries.png"))
    dialog.reject()


def test_the_application_icon_is_sharp_at_every_scale(qapp):
    from jmapper.ui.app_icon import app_icon

    icon = app_icon()
    for size, ratio in ((16, 1.0), (32, 2.0), (48, 1.5), (256, 1.0)):
        pixmap = icon.pixmap(QSize(size, size), ratio)
        assert pixmap.size() == QSize(round(size * ratio), round(size * ratio))
        corner, centre = (
            pixmap.toImage().pixelColor(0, 0),
            pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2),
        )
        assert corner.alpha() == 0 and centre.alpha() == 255  # rounded tile on transparency
    assert isinstance(QApplication.instance(), QApplication)
