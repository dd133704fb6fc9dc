"""Read O*NET's Related Work Experience (Education, Training, and Experience files) per occupation."""

from __future__ import annotations

from career_explorer.data.importers.errors import SourceFormatError
from career_explorer.data.importers.onet_files import OCC, Release, _code, _integer, _number, _read_table, _text

EXPERIENCE_FILE = "Education, Training, and Experience.txt"
EXPERIENCE_CATEGORIES_FILE = "Education, Training, and Experience Categories.txt"
RELATED_EXPERIENCE = ("3.A.1", "RW")  # element id and scale of "Related Work Experience"


def read_experience(release: Release, wanted: set[str]) -> dict[str, dict]:
    """Per occupation: the share of workers in each Related Work Experience category, as O*NET gives it.

    Returns {code: {"shares": [(category, label, percent)], "respondents": n, "as_of": "MM/YYYY",
    "suppressed": bool}}. Both files are optional: a release without them gives {}.
    """
    if not (release.has(EXPERIENCE_FILE) and release.has(EXPERIENCE_CATEGORIES_FILE)):
        return {}
    element, scale = RELATED_EXPERIENCE
    labels_table = _read_table(release, EXPERIENCE_CATEGORIES_FILE,
                               ("Element ID", "Scale ID", "Category", "Category Description"))
    labels: dict[int, str] = {}
    for line, (elem, sc, category, text) in labels_table.rows:
        if elem.strip() == element and sc.strip() == scale:
            labels[_integer(labels_table, line, "Category", category, 1, 99)] = _text(
                labels_table, line, "Category Description", text)
    columns = (OCC, "Element ID", "Scale ID", "Category", "Data Value", "N", "Recommend Suppress", "Date")
    table = _read_table(release, EXPERIENCE_FILE, columns)
    found: dict[str, dict] = {}
    for line, (code, elem, sc, category, value, count, suppress, date) in table.rows:
        if elem.strip() != element or sc.strip() != scale:
            continue
        code = _code(table, line, OCC, code)
        if code not in wanted:
            continue
        number = _integer(table, line, "Category", category, 1, 99)
        if number not in labels:
            raise SourceFormatError(table.label, f"category {number} is not in {EXPERIENCE_CATEGORIES_FILE}",
                                    line, "Category")
        entry = found.setdefault(code, {"shares": [], "respondents": None, "as_of": date.strip() or None,
                                        "suppressed": False})
        entry["shares"].append((number, labels[number], _number(table, line, "Data Value", value, 0, 100)))
        if count.strip() and count.strip().lower() != "n/a":
            entry["respondents"] = _integer(table, line, "N", count, 0, 10_000_000)
        if suppress.strip().upper() == "Y":
            entry["suppressed"] = True
    return found
