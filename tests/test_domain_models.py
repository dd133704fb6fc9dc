"""The catalogue models accept good data and reject every out-of-bounds value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from career_explorer.domain.base import normalise_name
from career_explorer.domain.catalogue import (
    Competency,
    Requirement,
    Role,
    SalaryBand,
    Scale,
    Source,
    Transition,
)


def test_salary_band_keeps_any_subset_of_ordered_percentiles():
    band = SalaryBand(source="x", p25=40000, p75=50000)
    assert band.percentiles() == {"p25": 40000, "p75": 50000}
    assert band.median is None


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"p10": 50, "p50": 40}, "p10 (50) is above p50 (40)"),
        ({"p50": 90, "p90": 80}, "p50 (90) is above p90 (80)"),
        ({"p50": 10, "currency": "usd"}, "not an ISO 4217 currency code"),
        ({"p50": 10, "currency": "XYZ"}, "not an ISO 4217 currency code"),
        ({"p50": -1}, "greater than 0"),
        ({}, "gives no pay figure"),
        ({"entry": 50, "experienced": 40}, "entry (50) is above experienced (40)"),
        ({"p50": 10, "basis": "bonus"}, "Input should be 'base', 'total' or 'unstated'"),
    ],
)
def test_salary_band_rejects_bad_figures(fields, message):
    with pytest.raises(ValidationError) as info:
        SalaryBand(source="x", **fields)
    assert message in str(info.value)


def test_lower_bound_percentile_is_never_reported_as_a_number():
    band = SalaryBand(source="oews", p25=200000, p50=239200, lower_bounds=("p50",))
    assert band.median is None
    assert "p50" not in band.percentiles()


def test_scale_bounds_and_normalisation():
    scale = Scale(id="onet-level-7", name="O*NET level", min=0, max=7)
    assert scale.normalise(3.5) == pytest.approx(50.0)
    assert scale.contains(7) and not scale.contains(7.1)
    with pytest.raises(ValidationError, match="min \\(5\\) must be below max \\(1\\)"):
        Scale(id="bad", name="Bad", min=5, max=1)
    with pytest.raises(ValidationError, match="anchor 9 is outside 1..5"):
        Scale(id="bad", name="Bad", min=1, max=5, anchors=[{"value": 9, "label": "Nine"}])


def test_models_are_frozen_and_forbid_unknown_fields():
    source = Source(id="s", name="S", licence="CC0")
    with pytest.raises(ValidationError):
        source.name = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Source(id="s", name="S", licence="CC0", colour="red")


@pytest.mark.parametrize("bad_id", ["Has Spaces", "UPPER", "", "-lead"])
def test_ids_must_be_stable_slugs(bad_id):
    with pytest.raises(ValidationError, match=f"{bad_id!r} is not a valid id"):
        Source(id=bad_id, name="n", licence="l")


def test_role_rejects_a_competency_listed_twice_and_negative_unpublished():
    req = {"competency": "c", "level": 2}
    with pytest.raises(ValidationError, match="listed twice"):
        Role(id="r", title="R", family="f", source="s", requirements=[req, req])
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        Role(id="r", title="R", family="f", source="s", unpublished=-1)
    with pytest.raises(ValidationError, match="String should match pattern"):
        Role(id="r", title="R", family="f", source="s", soc_code="434051")


def test_requirement_importance_is_on_onets_1_to_5_scale():
    assert Requirement(competency="c", level=3.5, importance=4.2).importance == 4.2
    with pytest.raises(ValidationError):
        Requirement(competency="c", importance=6)


def test_competency_behaviours_are_sorted_and_cumulative():
    comp = Competency(
        id="c", name="C", kind="core", scale="p5", source="s",
        behaviours=[{"level": 3, "text": "three"}, {"level": 1, "text": "one"}, {"level": 2, "text": "two"}],
    )
    assert [b.level for b in comp.behaviours] == [1, 2, 3]
    assert [b.text for b in comp.behaviours_up_to(2)] == ["one", "two"]
    assert [b.text for b in comp.behaviours_between(1, 3)] == ["two", "three"]
    with pytest.raises(ValidationError, match="share one level"):
        Competency(id="c", name="C", kind="core", scale="p5", source="s",
                   behaviours=[{"level": 1, "text": "a"}, {"level": 1, "text": "b"}])


def test_transition_must_lead_elsewhere():
    with pytest.raises(ValidationError, match="another role"):
        Transition(from_role="a", to_role="a", kind="promotion", source="s", basis="b")


def test_competency_names_match_across_sources_after_normalising():
    assert normalise_name("Products & Services") == normalise_name("products and  services")
    assert normalise_name("Standard Operating Procedures (SOP)") == "standard operating procedures"


def test_a_source_url_must_be_a_web_address():
    from career_explorer.domain.catalogue import Source

    assert Source(id="x", name="X", licence="CC0", url="https://example.org/a").url == "https://example.org/a"
    for bad in ("example.org", "ftp://example.org", "https:// spaced"):
        with pytest.raises(ValidationError):
            Source(id="x", name="X", licence="CC0", url=bad)


def test_a_level_reads_as_a_share_of_its_own_scale_and_unknown_stays_unknown():
    from career_explorer.domain.base import percent_of_scale, share_of_scale

    assert percent_of_scale(3, 1, 5) == 50.0
    assert percent_of_scale(0, 0, 7) == 0.0
    assert percent_of_scale(None, 1, 5) is None
    assert share_of_scale(2, 1, 5) == 50.0
    assert share_of_scale(None, 1, 5) is None


def test_a_skill_row_climbs_only_by_its_rises_between_known_levels():
    from career_explorer.domain.route import SkillRow

    row = SkillRow(competency="c", name="C", scale="proficiency-5", scale_min=1, scale_max=5,
                   levels=(2, None, 4, 3, 5), listed=(True, False, True, True, True))
    # 2 -> 4 rises 50 points, 4 -> 3 falls (ignored), 3 -> 5 rises 50; the unlisted role is skipped.
    assert row.climb == 100.0
    assert row.highest == 100.0
    assert SkillRow(competency="c", name="C", scale="s", scale_min=1, scale_max=5, levels=(None,),
                    listed=(False,)).highest is None


def test_a_trusted_model_is_the_validated_one_and_still_refuses_unknown_or_missing_fields():
    from career_explorer.domain.route import SkillRow

    values = dict(competency="onet/2.a.1.a", name="Reading Comprehension", scale="onet-level", scale_min=0,
                  scale_max=7, levels=(3.0, None), listed=(True, False))
    trusted, checked = SkillRow.trusted(**values), SkillRow(**values)
    assert trusted == checked and hash(trusted) == hash(checked) and repr(trusted) == repr(checked)
    assert trusted.model_dump_json() == checked.model_dump_json() and trusted.words == ()
    assert trusted.model_fields_set == checked.model_fields_set
    with pytest.raises(TypeError, match="bogus"):
        SkillRow.trusted(**values, bogus=1)
    with pytest.raises(TypeError, match="levels"):
        SkillRow.trusted(**{k: v for k, v in values.items() if k != "levels"})
    with pytest.raises(ValidationError):
        trusted.name = "Writing"  # still frozen
