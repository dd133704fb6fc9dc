"""Shared model configuration and small validated types."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Optional, Self

from pydantic import AfterValidator, BaseModel, ConfigDict

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._/-]*$")
# ISO 4217 codes the catalogue is likely to meet; an unknown code is a typo, not a new currency.
ISO_CURRENCIES = frozenset(
    "USD GBP EUR CAD AUD NZD INR JPY CNY CHF SEK NOK DKK PLN CZK HUF ZAR BRL MXN SGD HKD "
    "PHP MYR IDR THB KRW AED SAR ILS TRY RON BGN".split()
)


def percent_of_scale(level: Optional[float], low: float, high: float) -> Optional[float]:
    """A level as 0-100 of its own scale, as O*NET does: (level - min) / (max - min) x 100; unknown stays None."""
    return None if level is None else (level - low) / (high - low) * 100.0


def share_of_scale(amount: Optional[float], low: float, high: float) -> Optional[float]:
    """A difference between two levels as 0-100 of the scale's span; unknown stays None."""
    return None if amount is None else amount / (high - low) * 100.0


class Model(BaseModel):
    """Base for every domain model: immutable and strict about unknown fields."""

    # defer_build: validators are built on first use, keeping model imports off the start-up path.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """The model from values taken as they are from other, validated models, without validating them
        again: a route query builds some hundreds of skill rows, and validation was half their cost
        (pydantic's own model_construct is slower than validating). The caller passes values of the
        fields' own types (a tuple for a tuple); unknown or missing fields raise TypeError."""
        known = _FIELDS.get(cls)
        if known is None:
            fields = cls.model_fields.items()
            known = _FIELDS[cls] = ({name: field.default for name, field in fields},
                                    frozenset(name for name, field in fields if field.is_required()))
        defaults, required = known
        data = {**defaults, **values}
        if len(data) != len(defaults) or not required.issubset(values):
            wrong = sorted((set(values) - set(defaults)) | (required - set(values)))
            raise TypeError(f"{cls.__name__}.trusted: unknown or missing fields {wrong}")
        model = _new(cls)
        _set(model, "__dict__", data)
        _set(model, "__pydantic_fields_set__", set(values))
        _set(model, "__pydantic_extra__", None)
        _set(model, "__pydantic_private__", None)
        return model


# Looked up once: Model.trusted runs some thousands of times a route query.
_new, _set = object.__new__, object.__setattr__


# Per model class: each field's default (PydanticUndefined when there is none), and the required fields.
_FIELDS: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"{value!r} is not a valid id (use lower-case letters, digits, '.', '_', '-' or '/')"
        )
    return value


def _check_currency(value: str) -> str:
    if value not in ISO_CURRENCIES:
        raise ValueError(f"{value!r} is not an ISO 4217 currency code")
    return value


def _check_text(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
Currency = Annotated[str, AfterValidator(_check_currency)]
Text = Annotated[str, AfterValidator(_check_text)]


def slugify(text: str) -> str:
    """Turn a title into a stable id fragment."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "x"


@lru_cache(maxsize=8192)  # a few hundred competency names, asked for thousands of times a route search
def normalise_name(name: str) -> str:
    """Key used to match the same competency across sources ("Products & Services" ~ "products and services")."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))
