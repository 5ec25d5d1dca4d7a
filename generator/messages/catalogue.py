"""The gettext catalogues that hold every word a user sees, one per language.

``locale/<lang>/LC_MESSAGES/sky.po`` is what translators edit (``locale/sky.pot`` is its
template); ``scripts/install`` compiles each to a ``sky.mo`` next to it, which is what is read
here, with the standard library's :class:`gettext.GNUTranslations`, once per process. The
msgids are symbolic keys (``invalid-value.phone``, ``page.home``) and the texts are
``str.format`` templates. A language is one ``.po`` file: the languages are the folders that
have one.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

LOCALE_DIR: Final = Path(__file__).parent / "locale"
DOMAIN: Final = "sky"

# An installed wheel writes sky.mo and sky.po a moment apart (in name order, so the .po last):
# a .po younger than this is still the one the .mo was compiled from.
_SAME_INSTALL_SECONDS: Final = 2.0


class CatalogueNotCompiled(SystemExit):
    """A ``.mo`` file that is missing or older than its ``.po``: the command stops with one line.

    A :class:`SystemExit`, so that no traceback hides the one thing to do, and no
    ``except Exception`` turns it into a problem of one municipality.
    """


def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, in name order."""
    return tuple(
        sorted(path.parents[1].name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    )


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


@functools.cache
def entries(language: str) -> Mapping[str, str]:
    """Every translated entry of ``language``: key → text (untranslated entries are absent)."""
    po, mo = po_path(language), mo_path(language)
    if not mo.is_file():
        if not po.is_file():
            raise KeyError(f"no message catalogue for the language {language!r}")
        raise CatalogueNotCompiled(f"sky: {mo} is missing; run scripts/install to compile it")
    if po.is_file() and po.stat().st_mtime > mo.stat().st_mtime + _SAME_INSTALL_SECONDS:
        raise CatalogueNotCompiled(
            f"sky: {mo} is older than {po.name}; run scripts/install to compile it again"
        )
    with mo.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    # GNUTranslations keeps what it read in ``_catalog`` (Babel and Django read it too): the
    # public API answers one key at a time and cannot tell a missing key from its own text.
    catalog = vars(translations)["_catalog"]
    return MappingProxyType(
        {
            key: value
            for key, value in catalog.items()
            if isinstance(key, str) and key and isinstance(value, str)
        }
    )
