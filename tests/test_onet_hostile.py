"""O*NET release inputs that are broken in ways a download or a hand edit produces: one clear line, exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from career_explorer.data.importers.errors import SourceFormatError
from career_explorer.data.importers.onet import read_onet
from career_explorer.launcher import main
from tests.framework_fuzz import _corrupt_stream, _flag_encrypted
from tests.test_importers_onet import RATING_HEADER, release_files, write_release


def zipped(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(f"db_29_0_text/{name}", text)
    return path


@pytest.mark.parametrize("name", ["Skills.txt", "Knowledge.txt"])
def test_a_rating_file_with_only_its_header_is_an_error(tmp_path, name):
    release = write_release(tmp_path / "release", {**release_files(), name: RATING_HEADER + "\n"})
    with pytest.raises(SourceFormatError, match=f"{name}: holds no ratings, only its header"):
        read_onet(release)


def test_header_only_skills_on_the_command_line(tmp_path, capsys):
    release = write_release(tmp_path / "release", {**release_files(), "Skills.txt": RATING_HEADER + "\n"})
    out = tmp_path / "onet.sqlite"
    assert main(["catalogue", "import-onet", str(release), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "holds no ratings" in err and not out.exists()


@pytest.mark.parametrize("damage, expected", [(_corrupt_stream, "invalid block type"), (_flag_encrypted, "encrypted")])
def test_a_damaged_zip_is_one_line(tmp_path, capsys, damage, expected):
    archive = zipped(tmp_path / "db_29_0_text.zip", release_files())
    if damage is _corrupt_stream:
        damage(archive, "db_29_0_text/Skills.txt")
    else:
        damage(archive)
    with pytest.raises(SourceFormatError, match="cannot read from the zip, it is damaged") as info:
        read_onet(archive)
    assert expected in str(info.value)
    out = tmp_path / "onet.sqlite"
    assert main(["catalogue", "import-onet", str(archive), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if not line.startswith("Importing O*NET:")]  # progress lines
    assert "Traceback" not in err and len(errors) == 1 and "it is damaged" in errors[0] and not out.exists()


def test_a_member_larger_than_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from career_explorer.data.importers import onet_files

    monkeypatch.setattr(onet_files, "MAX_FILE_BYTES", 100)
    archive = zipped(tmp_path / "db_29_0_text.zip", release_files())
    with pytest.raises(SourceFormatError, match="above the limit of 0 MiB for one O.NET file"):
        read_onet(archive)
    with pytest.raises(SourceFormatError, match="above the limit"):
        read_onet(write_release(tmp_path / "release"))
