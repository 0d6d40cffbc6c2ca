"""Settings everywhere: frozen and hashable, so they can be shared between threads, used as cache
keys and shipped to other processes without one caller's change reaching another's."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import pkgutil
from pathlib import Path

import pytest

import newsprism


def _settings_classes() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(newsprism.__path__, "newsprism."):
        if module.name.endswith("__main__"):  # runs the command line
            continue
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == loaded.__name__
                    and name.endswith("Settings")):
                found.append(value)
    return found


SETTINGS = _settings_classes()
REQUIRED = {"WebSettings": {"db": Path("news.db")}}
"""Values for the settings fields that have no default (a new one fails below until it is named here)."""


def test_the_package_has_settings_classes_to_check():
    assert len(SETTINGS) >= 10


@pytest.mark.parametrize("cls", SETTINGS, ids=lambda cls: cls.__name__)
def test_every_settings_class_is_frozen_hashable_and_picklable_with_its_defaults(cls):
    settings = cls(**REQUIRED.get(cls.__name__, {}))
    assert cls.__dataclass_params__.frozen
    assert hash(settings) == hash(cls(**REQUIRED.get(cls.__name__, {})))
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_framing_settings_keep_their_own_immutable_copy_of_a_lexicon_given_as_a_dict():
    from newsprism.analysis.framing import FramingSettings

    words = {"slam": "neg"}
    settings = FramingSettings(lexicon=words)
    words["praise"] = "pos"
    assert dict(settings.lexicon) == {"slam": "neg"}
    with pytest.raises(TypeError):
        settings.lexicon["praise"] = "pos"  # type: ignore[index]
