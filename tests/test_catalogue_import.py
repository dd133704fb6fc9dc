"""One catalogue import for the CLI and the GUI: reading, then writing, one progress scale; Cancel writes nothing."""

from __future__ import annotations

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.errors import Cancelled
from career_explorer.launcher import main
from career_explorer.services.catalogue_import import READ_SHARE, import_framework_file
from tools.make_framework_templates import NAMES, TEMPLATES


def test_a_framework_import_reports_reading_then_writing_up_to_done(tmp_path):
    seen: list[tuple[float, str]] = []
    out = tmp_path / "acme.sqlite"
    import_framework_file(TEMPLATES / NAMES["json"], out, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert any(f <= READ_SHARE for f in fractions) and any(READ_SHARE < f < 1.0 for f in fractions)
    repo = CatalogueRepository(out)
    try:
        assert repo.role_ids()
    finally:
        repo.close()


def test_a_cancel_while_writing_leaves_no_file(tmp_path):
    out = tmp_path / "never.sqlite"
    asked = []

    def cancel() -> bool:  # says stop once the writing phase has begun
        return bool(asked)

    with pytest.raises(Cancelled):
        import_framework_file(TEMPLATES / NAMES["json"], out,
                              progress=lambda f, m: asked.append(f) if f > READ_SHARE else None, cancel=cancel)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_cli_import_writes_the_catalogue_the_service_writes(tmp_path):
    by_cli, by_service = tmp_path / "cli.sqlite", tmp_path / "service.sqlite"
    assert main(["catalogue", "import", str(TEMPLATES / NAMES["json"]), "-o", str(by_cli)]) == 0
    import_framework_file(TEMPLATES / NAMES["json"], by_service)
    cli_repo, service_repo = CatalogueRepository(by_cli), CatalogueRepository(by_service)
    try:
        assert cli_repo.role_ids() == service_repo.role_ids()
    finally:
        cli_repo.close()
        service_repo.close()
