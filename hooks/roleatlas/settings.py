"""The build's settings, in one place: `extra: role_atlas:` in mkdocs.yml, each overridable by one
environment variable.

`SETTINGS` is the one list: the key in mkdocs.yml, the variable, the default and what it does.
The hooks read them once per build (`read_settings` in `on_config`); README's Settings table lists
the same rows, and tests/test_settings.py fails when the README, mkdocs.yml or this list drift.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

SEARCHES = ("pagefind", "material")
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


@dataclass(frozen=True)
class Setting:
    """One setting: where it is written and how it is overridden."""

    key: str
    """Its key under `extra: role_atlas:` in mkdocs.yml (and the field of `Settings`)."""
    env: str
    """The environment variable that overrides mkdocs.yml."""
    default: str | bool
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data", "ROLE_ATLAS_DATA", "data",
            "the data folder, relative to mkdocs.yml (the tests and benchmarks build other data)"),
    Setting("search", "ROLE_ATLAS_SEARCH", "pagefind",
            "`pagefind`: search answers from Pagefind's index; `material`: Material's own search and whole index"),
    Setting("cards", "ROLE_ATLAS_CARDS", True, "draw the link-preview cards (`false` builds without them)"),
    Setting("card_cache", "ROLE_ATLAS_CARD_CACHE", ".cache/cards",
            "where drawn cards are kept between builds, relative to mkdocs.yml"),
    Setting("check_links", "ROLE_ATLAS_CHECK_LINKS", False,
            "check every link and anchor of the built HTML (htmlproofer; on in the tests, slower)"),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The settings of one build, every value resolved."""

    data: Path
    search: str
    cards: bool
    card_cache: Path
    check_links: bool

    @property
    def pagefind(self) -> bool:
        return self.search == "pagefind"


class SettingsError(ValueError):
    """A setting that cannot be used; the message says where it was given and what is expected."""


def read_settings(given: Mapping[str, object] | None, root: Path,
                  environ: Mapping[str, str] = os.environ) -> Settings:
    """The settings from mkdocs.yml's `extra: role_atlas:` (`given`), each replaced by its
    environment variable when that is set; relative paths are taken from `root` (mkdocs.yml's folder)."""
    given = given or {}
    if not isinstance(given, Mapping):
        raise SettingsError("mkdocs.yml: extra.role_atlas: expected a mapping of settings "
                            f"({', '.join(BY_KEY)})")
    unknown = sorted(set(given) - set(BY_KEY))
    if unknown:
        raise SettingsError(f"mkdocs.yml: extra.role_atlas.{unknown[0]}: unknown setting; "
                            f"expected one of {', '.join(BY_KEY)}")
    values: dict[str, object] = {}
    for setting in SETTINGS:
        if environ.get(setting.env):
            raw: object = environ[setting.env]
            where = f"environment variable {setting.env}"
        else:
            raw = given.get(setting.key, setting.default)
            where = f"mkdocs.yml: extra.role_atlas.{setting.key}"
        values[setting.key] = _value(setting, raw, where, root)
    assert set(values) == {f.name for f in fields(Settings)}
    return Settings(**values)  # type: ignore[arg-type]


def _value(setting: Setting, raw: object, where: str, root: Path) -> object:
    if isinstance(setting.default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise SettingsError(f"{where}: got '{raw}'; expected true or false")
    text = str(raw).strip()
    if setting.key == "search":
        if text not in SEARCHES:
            raise SettingsError(f"{where}: got '{raw}'; expected one of {', '.join(SEARCHES)}")
        return text
    if not text:
        raise SettingsError(f"{where}: empty; give a folder")
    path = Path(text).expanduser()
    return path if path.is_absolute() else root / path
