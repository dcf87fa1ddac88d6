"""End-to-end CLI: output formats, exit codes, stdin, directory walks, bad input."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from conftest import run_cli

DOC = "# 工作计划\n\n这里有禁词。\n\n第二处：禁词和禁词。\n"


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "plan.md"
    p.write_text(DOC, encoding="utf-8")
    return p


def check(*args, env, input=None):
    return run_cli("check", "--select", "sample/banned-word", *args, env=env, input=input)


def test_text_format_is_exact_and_sorted(doc, sample_env):
    r = check(str(doc), env=sample_env)
    assert r.returncode == 1
    assert r.stdout.decode().splitlines() == [
        f"{doc}:3:4: warning sample/banned-word 不要使用“禁词”，请改为“好词”",
        f"{doc}:5:5: warning sample/banned-word 不要使用“禁词”，请改为“好词”",
        f"{doc}:5:8: warning sample/banned-word 不要使用“禁词”，请改为“好词”",
    ]


def test_json_contract(doc, sample_env):
    r = check(str(doc), "--format", "json", env=sample_env)
    data = json.loads(r.stdout)
    assert set(data) == {"version", "planlint", "files", "diagnostics"}
    assert data["version"] == 1 and data["files"] == 1 and isinstance(data["planlint"], str)
    d = data["diagnostics"][0]
    assert set(d) == {"path", "rule", "severity", "message", "line", "column", "end_line", "end_column",
                      "offset", "end_offset", "fix"}
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (3, 4, 3, 6)
    text = doc.read_text("utf-8")
    assert text[d["offset"]:d["end_offset"]] == "禁词"
    assert d["fix"] == {"title": "改为“好词”", "safe": True,
                        "edits": [{"offset": d["offset"], "end_offset": d["end_offset"], "text": "好词"}]}


def test_full_format_caret_counts_wide_characters(doc, sample_env):
    r = check(str(doc), "--format", "full", env=sample_env)
    lines = r.stdout.decode().splitlines()
    i = lines.index(next(l for l in lines if l.startswith("    3 | ")))
    source, caret = lines[i], lines[i + 1]
    assert source == "    3 | 这里有禁词。"
    # "这里有" is three wide characters: six columns before the caret, two carets for 禁词
    assert caret == "      | " + " " * 6 + "^^^^"


def test_github_format(doc, sample_env):
    r = check(str(doc), "--format", "github", env=sample_env)
    first = r.stdout.decode().splitlines()[0]
    assert first.startswith(f"::warning file={doc},line=3,col=4,endLine=3,endColumn=6,title=sample/banned-word::")


def test_statistics(doc, sample_env):
    r = check(str(doc), "--statistics", env=sample_env)
    assert "3  sample/banned-word" in r.stdout.decode() and "[*]" in r.stdout.decode()


def test_exit_codes_and_fail_on(tmp_path, doc, sample_env):
    clean = tmp_path / "clean.md"
    clean.write_text("# 工作计划\n\n没有问题。\n", encoding="utf-8")
    assert check(str(clean), env=sample_env).returncode == 0
    assert check(str(doc), env=sample_env).returncode == 1
    assert check(str(doc), "--fail-on", "error", env=sample_env).returncode == 0
    assert check(str(doc), "--fail-on", "nonsense", env=sample_env).returncode == 2
    assert check(str(doc), "--format", "xml", env=sample_env).returncode == 2


def test_stdin_with_filename(sample_env):
    r = check("-", "--stdin-filename", "草稿.md", env=sample_env, input="这里有禁词。\n".encode())
    assert r.returncode == 1
    assert r.stdout.decode().startswith("草稿.md:1:4: warning sample/banned-word")


def test_directory_walk_include_exclude_hidden(tmp_path, sample_env):
    (tmp_path / "docs" / ".hidden").mkdir(parents=True)
    (tmp_path / "docs" / ".git").mkdir()
    (tmp_path / "docs" / "drafts").mkdir()
    for rel in ("docs/a.md", "docs/b.txt", "docs/.hidden/c.md", "docs/.git/d.md", "docs/e.rst",
                "docs/drafts/f.md"):
        (tmp_path / rel).write_text("禁词\n", encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text("exclude: [\"drafts/\"]\n", encoding="utf-8")
    r = check(str(tmp_path / "docs"), "--format", "json", env=sample_env)
    paths = sorted({d["path"].replace(str(tmp_path) + "/", "") for d in json.loads(r.stdout)["diagnostics"]})
    assert paths == ["docs/a.md", "docs/b.txt"]


# --- bad input: one line, exit 2, never a traceback ---------------------------------------------

def _one_line_error(r, *needles):
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.startswith("planlint: 错误")]
    assert len(lines) == 1, err
    for n in needles:
        assert n in lines[0]


def test_missing_path(tmp_path, sample_env):
    _one_line_error(check(str(tmp_path / "nope.md"), env=sample_env), "nope.md", "不存在")


def test_binary_file(tmp_path, sample_env):
    p = tmp_path / "data.txt"
    p.write_bytes(b"\x01\x02\x00\x00\x00\rIHDR" + bytes(range(256)))
    _one_line_error(check(str(p), env=sample_env), "data.txt", "二进制")


@pytest.mark.parametrize("head,what", [
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),  # no NUL byte at all
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "旧版 Office"),
])
def test_a_renamed_file_is_named_for_what_it_is(tmp_path, sample_env, head, what):
    p = tmp_path / "plan.txt"
    p.write_bytes(head)
    _one_line_error(check(str(p), env=sample_env), "plan.txt", what)


def test_empty_file_is_clean(tmp_path, sample_env):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    r = check(str(p), env=sample_env)
    assert r.returncode == 0 and r.stdout == b""


def test_undecodable_file(tmp_path, sample_env):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"abc \xff\xfe\xfd\x80\x81 \x84\x31" * 10)
    _one_line_error(check(str(p), env=sample_env), "bad.txt", "编码")


def test_bad_file_in_directory_walk_is_a_warning(tmp_path, sample_env):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "good.md").write_text("禁词\n", encoding="utf-8")
    r = check(str(tmp_path), env=sample_env)
    assert r.returncode == 1
    assert "警告" in r.stderr.decode() and "bad.txt" in r.stderr.decode()
    assert "good.md:1:1" in r.stdout.decode()


def test_corrupt_docx(tmp_path, sample_env):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04 this is not really a zip")
    _one_line_error(check(str(p), env=sample_env), "broken.docx", "损坏")


def test_password_protected_docx(tmp_path, sample_env):
    p = tmp_path / "secret.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _one_line_error(check(str(p), env=sample_env), "secret.docx", "密码")


def test_docx_zip_bomb(tmp_path, sample_env):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        with zf.open("word/media/bomb.bin", "w", force_zip64=True) as f:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(260):
                f.write(chunk)
    p = tmp_path / "bomb.docx"
    p.write_bytes(buf.getvalue())
    assert p.stat().st_size < 2 * 1024 * 1024
    _one_line_error(check(str(p), env=sample_env), "bomb.docx", "过大")


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path, sample_env):
    import docx

    d = docx.Document()
    d.add_heading("2024年工作计划", level=1)
    d.add_paragraph("第一段没有问题。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "表格里的禁词"
    d.add_paragraph("表格后的禁词。")
    p = tmp_path / "plan.docx"
    d.save(p)
    r = check(str(p), "--format", "json", env=sample_env)
    diags = json.loads(r.stdout)["diagnostics"]
    assert [(x["line"], x["column"]) for x in diags] == [(4, 5), (5, 5)]


def test_large_file_finishes(tmp_path, sample_env):
    p = tmp_path / "big.txt"
    line = "各单位要认真落实工作计划，确保各项任务按期完成，不断提高工作质量和效率。\n"
    with open(p, "w", encoding="utf-8") as f:
        f.write(line * (50 * 1024 * 1024 // len(line.encode())))
        f.write("最后一行有禁词。\n")
    r = check(str(p), "--format", "json", env=sample_env)
    diags = json.loads(r.stdout)["diagnostics"]
    assert r.returncode == 1 and len(diags) == 1 and diags[0]["column"] == 6


def test_version_and_help():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("planlint ")
    assert run_cli("check", "--help").returncode == 0


def test_rules_and_rule_docs():
    r = run_cli("rules")
    assert r.returncode == 0 and "core/unused-suppression" in r.stdout.decode()
    r = run_cli("rule", "core/unused-suppression")
    out = r.stdout.decode()
    assert r.returncode == 0 and "## 说明" in out and "## 建议写法" in out
    r = run_cli("rule", "core/unused-supression")
    assert r.returncode == 2 and "core/unused-suppression" in r.stderr.decode()


def test_jieba_prints_nothing(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# 工作计划\n\n我们要认真部署工作。\n", encoding="utf-8")
    code = ("import sys; from planlint.api import check_text; "
            "d, _ = check_text(open(sys.argv[1], encoding='utf-8').read(), 'a.md'); d.words(0, len(d.text))")
    import subprocess, sys
    r = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True)
    assert r.returncode == 0 and r.stderr == b""


def test_a_folder_where_no_file_can_be_read_fails(tmp_path):
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)  # a .doc renamed .docx
    r = run_cli("check", str(tmp_path))
    assert r.returncode == 2
    assert "都无法读取" in r.stderr.decode()


def test_a_clean_run_says_so_on_stderr_only(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    r = run_cli("check", str(tmp_path))
    assert r.returncode == 0 and r.stdout == b""
    assert "未发现问题，检查了 1 个文件" in r.stderr.decode()


def test_fix_says_a_docx_is_not_rewritten(tmp_path):
    docx = __import__("docx")
    d = docx.Document()
    d.add_paragraph("社区2024年工作计划")
    d.add_paragraph("我们要认真布暑全年工作,确保落到实处。")
    path = tmp_path / "plan.docx"
    d.save(path)
    before = path.read_bytes()
    r = run_cli("check", str(path), "--fix")
    assert path.read_bytes() == before
    assert "不改写" in r.stderr.decode()


@pytest.mark.parametrize("value,needle", [("0001-01-01", "1900—2199"), ("2024-02-30", "不存在"), ("2024/3/1", "YYYY-MM-DD")])
def test_bad_date_option_is_one_clear_line(tmp_path, value, needle):
    p = tmp_path / "a.md"
    p.write_text("正文。\n", encoding="utf-8")
    r = run_cli("check", str(p), "--date", value)
    err = r.stderr.decode()
    assert r.returncode == 2 and needle in err and len(err.strip().splitlines()) == 1


def test_empty_select_and_utf16_without_bom_are_told_plainly(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("正文。\n", encoding="utf-8")
    r = run_cli("check", str(p), "--select", ",,")
    assert r.returncode == 2 and "没有写任何规则" in r.stderr.decode()
    u = tmp_path / "u.txt"
    u.write_bytes("社区工作计划\n一、指导思想\n坚持党建引领。\n".encode("utf-16-le"))
    r = run_cli("check", str(u))
    assert r.returncode == 2 and "UTF-16" in r.stderr.decode()


def test_a_newline_in_a_file_name_does_not_split_an_output_line(tmp_path):
    (tmp_path / "a\nb.md").write_text("推动推动建设。\n", encoding="utf-8")
    r = run_cli("check", str(tmp_path), "--no-cache")
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 1 and len(lines) == 1 and "a\\nb.md:1:1:" in lines[0]
