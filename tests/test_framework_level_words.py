"""The framework layout takes a level word its scale's anchors name ("Proficient") wherever a level goes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from career_explorer.data.importers.framework import import_framework
from career_explorer.data.importers.framework_layout import FrameworkError
from tools.make_framework_templates import EXAMPLE


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_requirement_and_behaviour_levels_may_be_words(tmp_path):
    data = copy.deepcopy(EXAMPLE)
    first = data["requirements"][0]
    as_number = import_framework(write(tmp_path, data))
    number = first["level"]
    word = next(a["label"] for a in data["anchors"] if a["value"] == number)
    first["level"] = word.upper()  # any case
    level = data["behaviours"][0]["level"]
    data["behaviours"][0]["level"] = next(a["label"] for a in data["anchors"] if a["value"] == level)
    catalogue = import_framework(write(tmp_path, data))
    role = next(r for r in catalogue.roles if r.id == first["role"])
    requirement = next(q for q in role.requirements if q.competency == first["competency"])
    assert (requirement.level, requirement.level_word) == (number, word)
    assert [c.behaviours for c in catalogue.competencies] == [c.behaviours for c in as_number.competencies]


def test_a_word_not_on_the_scale_is_still_an_error(tmp_path):
    data = copy.deepcopy(EXAMPLE)
    data["requirements"][0]["level"] = "Wizard"
    with pytest.raises(FrameworkError) as caught:
        import_framework(write(tmp_path, data))
    assert any(str(p).startswith("acme.json[requirements]:1:level: Input should be a valid number")
               and "'Wizard'" in str(p) for p in caught.value.problems)
