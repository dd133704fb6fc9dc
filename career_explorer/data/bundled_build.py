"""Build a catalogue from a folder of sources plus public data read by the importers.

The bundled catalogue is made this way: the hand-written customer-support ladder in
``career_explorer/data/catalogue/`` and every O*NET occupation with each OEWS release's wages, read
from the O*NET text release and the BLS workbooks (``make catalogue`` points at ``../shared/data``).
The source files may refer to O*NET roles, competencies and sources; the import defines them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from pydantic import BaseModel

from career_explorer.data.compiler import check_references, write_catalogue
from career_explorer.data.errors import SourceError
from career_explorer.data.source_files import SECTIONS
from career_explorer.data.source_files import load_sources as load_with_origins
from career_explorer.domain.catalogue import Catalogue
from career_explorer.domain.progress import Progress


def _identity(section: str, model: BaseModel) -> tuple:
    if section == "job_levels":
        return (model.code,)
    if section == "transitions":
        return (model.from_role, model.to_role)
    return (model.id,)


def merge(catalogue: Catalogue, parts: Mapping[str, Iterable[BaseModel]], what: str) -> Catalogue:
    """`catalogue` with the sections of `parts` added. An entry defined twice must be identical."""
    update = {}
    for section in SECTIONS:
        entries = {_identity(section, m): m for m in getattr(catalogue, section)}
        for model in parts.get(section, ()):
            key = _identity(section, model)
            known = entries.get(key)
            if known is not None and known != model:
                raise SourceError(
                    f"{section} {' -> '.join(key)}: defined both by the source files and by {what}, differently"
                )
            entries[key] = model
        update[section] = tuple(entries.values())
    return catalogue.model_copy(update=update)


def build_catalogue(
    source_dir: Path,
    out: Path,
    *,
    onet: Optional[Path] = None,
    wages: Sequence[Path] = (),
    progress: Optional[Progress] = None,
) -> Catalogue:
    """Load `source_dir`, add the O*NET release at `onet` with the OEWS `wages`, check and write `out`."""
    from career_explorer.data.importers.onet_catalogue import build_onet_parts

    def part(start: float, span: float) -> Progress:
        return None if progress is None else (lambda f, m: progress(start + span * f, m))

    catalogue, origins = load_with_origins(Path(source_dir))
    if onet is None and wages:
        raise SourceError("OEWS wages are joined to O*NET occupations: give the O*NET release too")
    if onet is not None:
        parts = build_onet_parts(onet, list(wages), progress=part(0.0, 0.7))
        catalogue = merge(catalogue, parts, f"the O*NET import of {onet}")
    check_references(catalogue, origins)
    write_catalogue(catalogue, out, progress=part(0.7 if onet is not None else 0.0, 0.3 if onet else 1.0))
    return catalogue
