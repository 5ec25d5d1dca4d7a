"""The building blocks of the playbook format: checked kinds of values (slugs, phone numbers,
web addresses, dates, amounts) and the text written in Finnish and Swedish.

Each kind refuses a wrong value with a message that says what was expected; the JSON Schema
shows editors the same pattern (``_shown``). Both format versions use these.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

Language = Literal["fi", "sv"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish"}
# Names in the output folder that belong to the national portal, never to a municipality.
RESERVED_SLUGS = frozenset({*LANGUAGES, "assets", "data", "guide", "search"})

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = _SLUG
_ID = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
_PHONE = re.compile(r"^\+[1-9][0-9]{0,2}(?: [0-9]{1,5})+$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
CRITERION_PATTERN = re.compile(r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$")
_CODE = re.compile(r"^[0-9]{3}$")


def check_pattern(pattern: re.Pattern[str], kind: str, expected: str) -> AfterValidator:
    def validate(value: str) -> str:
        if not pattern.fullmatch(value):
            raise PydanticCustomError(kind, f"expected {expected}, got '{{got}}'", {"got": value})
        return value

    return AfterValidator(validate)


MAX_URL_CHARACTERS = 500
# Characters that a web address never holds as they are: they would end an HTML attribute or
# break a link, so an address with them is refused (percent-encode them: %22, %3C...).
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f]")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _https_url(value: str) -> str:
    if len(value) > MAX_URL_CHARACTERS:
        raise PydanticCustomError(
            "url_length",
            "the address is {length} characters long; a web address may be at most {limit} "
            "(link to a shorter address, such as the site's front page)",
            {"length": len(value), "limit": MAX_URL_CHARACTERS},
        )
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or " " in value:
        raise PydanticCustomError(
            "url",
            "expected a web address starting with https://, got '{got}'",
            {"got": value},
        )
    if _URL_FORBIDDEN.search(value):
        raise PydanticCustomError(
            "url_characters",
            "expected a web address without spaces, quotes, angle brackets or backslashes (copy "
            "it from the browser's address bar), got '{got}'",
            {"got": value},
        )
    if not _valid_host(parts.netloc):
        raise PydanticCustomError(
            "url_host",
            "expected a web address with a host name like 'https://www.kunta.fi/', got '{got}'",
            {"got": value},
        )
    return value


def _valid_host(netloc: str) -> bool:
    """A public host name (``www.kunta.fi``, with an optional port); no user name, no IP."""
    host, _, port = netloc.partition(":")
    if "@" in netloc or (port and not (port.isdigit() and 0 < int(port) < 65536)):
        return False
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_host.removesuffix(".").split(".")
    return (
        len(ascii_host) <= 253
        and len(labels) >= 2
        and all(_HOST_LABEL.fullmatch(label) for label in labels)
        and labels[-1].isalpha()
    )


def _phone_digits(value: str) -> str:
    digits = sum(ch.isdigit() for ch in value)
    if not 7 <= digits <= 15:
        raise PydanticCustomError(
            "phone",
            "expected an international number like '+358 40 123 4567', got '{got}'",
            {"got": value},
        )
    return value


def shown_pattern(pattern: re.Pattern[str], **extra: str | int) -> WithJsonSchema:
    """The pattern for editors (JSON Schema); the friendly message comes from ``_check``."""
    return WithJsonSchema({"type": "string", "pattern": pattern.pattern, **extra})


MAX_SLUG_CHARACTERS = 63


def _slug_length(value: str) -> str:
    if len(value) > MAX_SLUG_CHARACTERS:
        raise PydanticCustomError(
            "slug_length",
            "expected a short slug of at most {limit} characters, like 'rantala', got one of "
            "{length}",
            {"limit": MAX_SLUG_CHARACTERS, "length": len(value)},
        )
    return value


Slug = Annotated[
    str,
    AfterValidator(_slug_length),
    check_pattern(_SLUG, "slug", "lowercase letters a-z, digits and '-', like 'rantala'"),
    shown_pattern(_SLUG, maxLength=MAX_SLUG_CHARACTERS),
]
Identifier = Annotated[
    str,
    check_pattern(
        _ID, "identifier", "lowercase letters a-z, digits, '_' or '-', like 'keskuskoulu'"
    ),
    shown_pattern(_ID),
]
Phone = Annotated[
    str,
    check_pattern(_PHONE, "phone", "an international number like '+358 40 123 4567'"),
    AfterValidator(_phone_digits),
    shown_pattern(_PHONE),
]
Email = Annotated[
    str,
    check_pattern(_EMAIL, "email", "an e-mail address like 'kuraattori@kunta.fi'"),
    shown_pattern(_EMAIL, format="email"),
]
HttpsUrl = Annotated[
    str,
    AfterValidator(_https_url),
    shown_pattern(re.compile(r"^https://[^\s/]+\S*$"), format="uri"),
]
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _written_as_date(value: object) -> object:
    # Pydantic would read '1767225600' (or 0) as seconds since 1970: a date must be written out.
    if not isinstance(value, dt.date) and not (
        isinstance(value, str) and _ISO_DATE.fullmatch(value.strip())
    ):
        raise PydanticCustomError("date_written", "expected a date written as YYYY-MM-DD")
    return value


Date = Annotated[dt.date, BeforeValidator(_written_as_date)]
Color = Annotated[
    str, check_pattern(_COLOR, "color", "a colour like '#0b5394'"), shown_pattern(_COLOR)
]
MunicipalityCode = Annotated[
    str, check_pattern(_CODE, "code", "three digits like '091'"), shown_pattern(_CODE)
]
# More hours than a school year has lessons (about 190 days of at most 7): no threshold is
# higher. The calculator compares thresholds to two decimals, so none may have more.
MAX_HOURS = 1500
MAX_SCHOOL_DAYS = 190


def two_decimals(value: float) -> float:
    if abs(value * 100 - round(value * 100)) > 1e-6:
        raise PydanticCustomError(
            "decimals",
            "write at most two decimals, like 12.5 or 12.25, got '{got}'",
            {"got": f"{value:g}"},
        )
    return value


Hours = Annotated[
    float, Field(ge=0, le=MAX_HOURS, allow_inf_nan=False), AfterValidator(two_decimals)
]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False), AfterValidator(two_decimals)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class LocalText(Frozen):
    """Teksti suomeksi ja ruotsiksi. — Text på finska och svenska."""

    fi: str | None = Field(
        default=None,
        description="Teksti suomeksi. — Texten på finska.",
        examples=["Huoli puheeksi"],
    )
    sv: str | None = Field(
        default=None, description="Teksti ruotsiksi. — Texten på svenska.", examples=["Ta upp oron"]
    )

    def get(self, language: str) -> str:
        return (self.fi if language == "fi" else self.sv) or ""
