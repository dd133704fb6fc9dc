"""The O*NET source record, its level scale, the SOC major group names and the catalogue ids of O*NET data."""

from __future__ import annotations

from career_explorer.domain.catalogue import Scale, Source

ONET_SOURCE_ID = "onet-29"
LEVEL_SCALE_ID = "onet-level-7"
JOB_ZONE_LADDER = "onet-job-zone"

ONET_SOURCE = Source(
    id=ONET_SOURCE_ID,
    name="O*NET 29.0 Database",
    short_name="O*NET 29.0",
    url="https://www.onetcenter.org/database.html",
    licence="CC BY 4.0",
    attribution=(
        "This product includes information from the O*NET 29.0 Database by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O*NET is a trademark of USDOL/ETA."
    ),
    note="Occupation descriptions, element definitions, level anchors and ratings are O*NET data.",
)

LEVEL_SCALE = Scale(id=LEVEL_SCALE_ID, name="O*NET level", min=0, max=7)

# SOC 2018 major groups (the 22 civilian groups OEWS publishes, plus 55 Military Specific).
SOC_MAJOR_GROUPS: dict[str, str] = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}


def role_id(code: str) -> str:
    """Catalogue id of an O*NET occupation: ``onet/43-4051.00``."""
    return f"onet/{code}"


def competency_id(element_id: str) -> str:
    """Catalogue id of an O*NET element: ``onet/2.a.1.d``."""
    return f"onet/{element_id.lower()}"


def family_id(soc_code: str) -> str:
    """Job family of an occupation: its SOC major group, ``soc-43``."""
    return f"soc-{soc_code[:2]}"


def level_code(zone: int) -> str:
    return f"JZ{zone}"
