"""The real web-scraped seeds, end to end: JSON contract, and GB18030/CRLF copies read the same."""

from __future__ import annotations

import json

from conftest import run_cli

CONTRACT_KEYS = {"path", "rule", "severity", "message", "line", "column", "end_line", "end_column",
                 "offset", "end_offset", "fix"}


def validate_contract(data: dict, texts: dict[str, str]) -> None:
    """Check a JSON report against DESIGN.md's output contract and against the documents' text."""
    assert set(data) == {"version", "planlint", "files", "diagnostics"}
    assert data["version"] == 1 and isinstance(data["files"], int)
    for d in data["diagnostics"]:
        assert set(d) == CONTRACT_KEYS
        assert d["severity"] in ("error", "warning", "info")
        assert "/" in d["rule"] and isinstance(d["message"], str) and d["message"]
        text = texts[d["path"]]
        assert 0 <= d["offset"] <= d["end_offset"] <= len(text)
        lines = text.splitlines(keepends=True)
        # line/column agree with the offset (LF files here)
        before = text[:d["offset"]]
        assert d["line"] == before.count("\n") + 1
        assert d["column"] == len(before) - (before.rfind("\n") + 1) + 1
        assert d["line"] <= max(1, len(lines) + 1)
        if d["fix"] is not None:
            assert set(d["fix"]) == {"title", "safe", "edits"}
            for e in d["fix"]["edits"]:
                assert set(e) == {"offset", "end_offset", "text"}
                assert 0 <= e["offset"] <= e["end_offset"] <= len(text)


def test_seeds_json_contract(seeds):
    files = sorted(seeds.glob("*.txt"))
    r = run_cli("check", *map(str, files), "--format", "json")
    assert r.returncode in (0, 1), r.stderr.decode()
    data = json.loads(r.stdout)
    assert data["files"] == len(files)
    validate_contract(data, {str(p): p.read_text("utf-8") for p in files})


def test_gb18030_crlf_copies_give_the_same_diagnostics(seeds, tmp_path):
    utf8, gb = [], []
    for p in sorted(seeds.glob("*.txt")):
        text = p.read_text("utf-8")
        a = tmp_path / f"utf8_{p.name}"
        a.write_bytes(text.encode("utf-8"))
        b = tmp_path / f"gb_{p.name}"
        b.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
        utf8.append(str(a))
        gb.append(str(b))
    ra = json.loads(run_cli("check", *utf8, "--format", "json").stdout)["diagnostics"]
    rb = json.loads(run_cli("check", *gb, "--format", "json").stdout)["diagnostics"]
    key = lambda d: (d["path"].replace("\\", "/").rsplit("/", 1)[-1].split("_", 1)[1], d["line"], d["column"], d["end_line"], d["end_column"],
                     d["rule"], d["message"])
    assert sorted(map(key, ra)) == sorted(map(key, rb))
