"""The flat-sheet wizard driven through the fixture: every page's proposals, the saved MAP.toml, the import."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QWizard

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.sheet_mapping import OnetChoice, load_map
from career_explorer.ui.import_wizard.wizard import SheetWizard

FLAT = Path(__file__).parent / "fixtures" / "flat"


def fake_onet(roles, mapping):
    """Proposals without the bundled catalogue: one occupation for the engineers, none for the rest."""
    return {title: (OnetChoice(code="15-1252.00", title="Software Developers") if "engineer" in title.lower()
                    else OnetChoice(status="skip")) for _, title, _ in roles}


def drive_to_ladders(qtbot, tmp_path, extra: str = "") -> SheetWizard:
    sheet = tmp_path / "acme.csv"
    shutil.copy(FLAT / "acme-flat.csv", sheet)
    if extra:
        with sheet.open("a", encoding="utf-8", newline="") as handle:
            handle.write(extra)
    wizard = SheetWizard(propose=fake_onet)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    assert not page.isComplete()
    page.path_edit.setText(str(sheet))
    page.name_edit.setText("Acme framework")
    page.version_edit.setText("2026.1")
    assert page.isComplete()
    wizard.next()
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    assert columns.chosen() == load_map(FLAT / "acme-flat.map.toml").columns
    assert "_Notes" not in columns.unused.text()
    wizard.next()
    scale = wizard.scale_page
    assert scale.order() == ["Awareness", "Working", "Practitioner", "Expert"]
    scale.name_edit.setText("Acme skill level")
    wizard.next()
    return wizard


def test_wizard_imports_the_fixture_and_saves_its_map(qtbot, tmp_path):
    wizard = drive_to_ladders(qtbot, tmp_path)
    ladders = wizard.ladders_page
    assert wizard.currentPage() is ladders
    assert not ladders.isComplete()  # nothing is ordered silently
    ladders.ladder_combo.setCurrentText("Software engineer")
    assert ladders.read_list() == (["Junior engineer", "Engineer", "Senior engineer", "Lead engineer"],
                                   {"Lead engineer - management": "Lead engineer"})
    ladders.confirmed.setChecked(True)
    assert not ladders.isComplete()
    ladders.ladder_combo.setCurrentText("Support advisor")
    assert ladders.read_list()[0] == ["Support advisor", "Senior support advisor", "Support team lead"]
    ladders.confirmed.setChecked(True)
    assert ladders.isComplete()
    assert "2 of 2 ladders confirmed" in ladders.status.text()
    ladders.track_combos["Manager"].setCurrentText("management")
    wizard.next()

    onet = wizard.onet_page
    table = onet.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows["Senior engineer"], 2).text() == "Software Developers"
    assert table.item(rows["Support advisor"], 2).text() == "no close O*NET title"
    wizard.next()

    preview = wizard.preview_page
    assert preview.isComplete(), preview.details.toPlainText()
    counts = preview.counts.text()
    assert "21 rows read; 2 exact duplicate rows collapsed. 8 role levels on 2 ladders, 6 skills" in counts
    preview.role_combo.setCurrentText("Senior engineer")
    text = preview.details.toPlainText()
    assert "Level 3 of its ladder" in text and "Coding: Expert (4)" in text and "Mentoring: Working (2)" in text
    wizard.next()

    save = wizard.save_page
    assert save.output_edit.text() == str(tmp_path / "acme.sqlite")
    assert save.map_edit.text() == str(tmp_path / "acme.map.toml")
    wizard.accept()
    assert wizard.result() == QWizard.Accepted
    saved = load_map(tmp_path / "acme.map.toml")
    fixture = load_map(FLAT / "acme-flat.map.toml")
    assert saved.columns == fixture.columns and saved.scale == fixture.scale and saved.ladders == fixture.ladders
    assert saved.tracks == fixture.tracks
    assert saved.onet["Senior engineer"].status == "proposed"  # a proposal is kept, not used, until ticked

    from career_explorer.ui.import_wizard.wizard import sheet_job

    request = wizard.request()
    assert sheet_job(request)(lambda f, m: None, lambda: False) == tmp_path / "acme.sqlite"
    repo = CatalogueRepository(tmp_path / "acme.sqlite")
    assert repo.counts().roles == 8
    assert repo.job_levels["Lead engineer - management"].rank == 4
    repo.close()


def test_a_changed_order_must_be_confirmed_again_and_problems_block_the_preview(qtbot, tmp_path):
    conflict = 'Engineering,Software engineer,,Engineer,,Coding,,Expert,,Individual contributor,\r\n'
    wizard = drive_to_ladders(qtbot, tmp_path, conflict)
    ladders = wizard.ladders_page
    for name in ("Support advisor", "Software engineer"):
        ladders.ladder_combo.setCurrentText(name)
        ladders.confirmed.setChecked(True)
    levels = ladders.levels
    levels.addItem(levels.takeItem(0))  # as a drag of the lowest level to the top of the ladder does
    ladders._edited()
    assert not ladders.isComplete() and "still to check: Software engineer" in ladders.status.text()
    assert ladders.read_list()[0][-1] == "Junior engineer"
    levels.insertItem(0, levels.takeItem(levels.count() - 1))
    ladders._edited()
    ladders.confirmed.setChecked(True)
    assert ladders.isComplete()
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview and not preview.isComplete()
    assert preview.counts.text().startswith("1 problem; go back")
    assert preview.details.toPlainText() == ("acme.csv:23:Required level: 'Engineer' needs 'Coding' at 'Expert' "
                                             "here but at another level on row 9: keep one of the two rows")


def test_file_menu_runs_the_wizards_import_on_a_worker_and_opens_the_result(qtbot, window, tmp_path, monkeypatch):
    from career_explorer.ui.import_wizard.wizard import SheetRequest

    out = tmp_path / "acme.sqlite"
    request = SheetRequest(FLAT / "acme-flat.csv", load_map(FLAT / "acme-flat.map.toml"), tmp_path / "acme.map.toml",
                           out)
    monkeypatch.setattr(SheetWizard, "ask", classmethod(lambda cls, parent: request))
    seen: list[float] = []
    runner = window.catalogue_menu.import_sheet()
    runner.task.signals.progress.connect(lambda fraction, message: seen.append(fraction))
    with qtbot.waitSignal(runner.finished, timeout=20000):
        pass
    assert out.is_file() and seen and max(seen) == 1.0
    qtbot.waitUntil(lambda: window.windowTitle() == "Career Explorer - Acme framework 2026.1")


def test_cancel_writes_nothing(qtbot, window, tmp_path):
    import time

    from career_explorer.ui.import_wizard.wizard import SheetRequest, sheet_job

    out = tmp_path / "acme.sqlite"
    request = SheetRequest(FLAT / "acme-flat.csv", load_map(FLAT / "acme-flat.map.toml"), tmp_path / "acme.map.toml",
                           out)

    def after_cancel(progress, cancel):
        """The sheet job, started once Cancel has been pressed (a tiny sheet would otherwise finish first)."""
        deadline = time.monotonic() + 10
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return sheet_job(request)(progress, cancel)

    runner = window.catalogue_menu.run_import(request, after_cancel)
    runner.cancel()
    with qtbot.waitSignal(runner.cancelled, timeout=20000):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_map_saved_beside_the_sheet_seeds_the_next_run(qtbot, tmp_path):
    sheet = tmp_path / "acme.csv"
    shutil.copy(FLAT / "acme-flat.csv", sheet)
    text = (FLAT / "acme-flat.map.toml").read_text()
    confirmed = '[onet]\n"Engineer" = { code = "15-1252.00", status = "confirmed" }'
    mapped = text.replace('"Support team lead"]', '"Support team lead"]\n\n' + confirmed)
    (tmp_path / "acme.map.toml").write_text(mapped)
    wizard = SheetWizard(propose=lambda roles, mapping: dict(mapping.onet))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(sheet))
    wizard.next()
    wizard.next()
    assert wizard.scale_page.order() == ["Awareness", "Working", "Practitioner", "Expert"]
    wizard.next()
    assert wizard.ladders_page.isComplete()  # the saved orders were confirmed when they were saved
    wizard.next()
    assert wizard.onet_page.choices()["Engineer"].status == "confirmed"
    wizard.next()
    assert wizard.preview_page.isComplete()
    assert "1 role level mapped to O*NET" in wizard.preview_page.counts.text()
