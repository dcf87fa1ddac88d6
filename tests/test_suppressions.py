"""Suppression comments: disable / enable / disable-next / disable-file, and unused ones reported."""

from __future__ import annotations

import pytest

from planlint.api import check_text
from planlint.plugins import make_plugin_manager

import importlib.util

from conftest import SAMPLE_PLUGIN


@pytest.fixture(scope="module")
def host():
    spec = importlib.util.spec_from_file_location("planlint_sample_inproc", SAMPLE_PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return make_plugin_manager(entry_points=False, extra=(module,))


def run(host, text, path="a.md"):
    _, diags = check_text(text, path, select=["sample/banned-word", "core"], host=host)
    return [(d.rule, text[:d.offset].count("\n") + 1) for d in diags]


def test_disable_next(host):
    text = "禁词一\n<!-- planlint-disable-next sample/banned-word -- 引用原文 -->\n禁词二\n禁词三\n"
    assert run(host, text) == [("sample/banned-word", 1), ("sample/banned-word", 4)]


def test_disable_enable_region_by_namespace(host):
    text = "<!-- planlint-disable sample -->\n禁词\n禁词\n<!-- planlint-enable sample -->\n禁词\n"
    assert run(host, text) == [("sample/banned-word", 5)]


def test_disable_file_and_plain_text_form(host):
    text = "禁词\nplanlint-disable-file sample/banned-word -- 历史文件\n禁词\n"
    assert run(host, text, "a.txt") == []


def test_unused_suppression_is_reported(host):
    text = "干净的一行\n<!-- planlint-disable-next sample/banned-word -->\n也干净\n"
    assert run(host, text) == [("core/unused-suppression", 2)]


def test_unknown_rule_in_suppression(host):
    text = "<!-- planlint-disable-next sample/banned-wrod -->\n禁词\n"
    got = run(host, text)
    assert ("core/unused-suppression", 1) in got and ("sample/banned-word", 2) in got


def test_directive_for_rule_not_run_is_not_called_unused(host):
    text = "<!-- planlint-disable-next sample/crash -->\n干净\n"
    assert run(host, text) == []
