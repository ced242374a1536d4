"""The checker's plain settings and the list.yaml model that validates them are one set of
fields with one set of defaults: the model reads its defaults from the settings, and converts."""

from __future__ import annotations

import dataclasses

from generator.linkcheck.settings import (
    ExcludeRule,
    HostLimit,
    LinkCheckSettings,
    ReportAfter,
    parse_duration,
)
from generator.models import link_check as model


def test_the_model_and_the_settings_have_the_same_fields() -> None:
    assert list(model.LinkCheckConfig.model_fields) == [
        f.name for f in dataclasses.fields(LinkCheckSettings)]
    for validated, plain in ((model.ExcludeRule, ExcludeRule), (model.HostLimit, HostLimit),
                             (model.ReportAfter, ReportAfter)):
        assert list(validated.model_fields) == [f.name for f in dataclasses.fields(plain)]


def test_the_model_defaults_converted_are_the_default_settings() -> None:
    assert model.LinkCheckConfig().settings() == LinkCheckSettings()
    assert model.ReportAfter().settings() == ReportAfter()


def test_a_validated_section_converts_value_for_value() -> None:
    section = model.LinkCheckConfig.model_validate({
        "exclude": [{"pattern": "^https://x\\.example/", "reason": "login wall"}],
        "accepted_status": [403],
        "hosts": [{"host": "github.com", "concurrency": 2, "delay": 0.5}],
        "bot_wall_hosts": ["example.com"],
        "timeout": 3,
        "max_age": "12h",
        "report_after": {"runs": 3, "days": 7},
    })

    settings = section.settings()

    assert settings == dataclasses.replace(
        LinkCheckSettings(),
        exclude=(ExcludeRule("^https://x\\.example/", "login wall"),),
        accepted_status=(403,),
        hosts=(HostLimit("github.com", 2, 0.5),),
        bot_wall_hosts=("example.com",),
        timeout=3.0,
        max_age="12h",
        report_after=ReportAfter(runs=3, days=7.0),
    )
    assert parse_duration(settings.max_age) == 12 * 3600
