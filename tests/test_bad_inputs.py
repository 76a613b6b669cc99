"""Files that are not forms: a clear error naming the file and reason, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from perfparse import ParseError, parse

ROOT = Path(__file__).resolve().parents[1]

BAD = {
    "empty.txt": (b"", "empty-file"),
    "blank.txt": (b"\n\n   \n", "empty-file"),
    "binary.dat": (bytes(range(256)) * 8, "unsupported-format"),
    "prose.txt": ("这是一段普通的说明文字，没有任何表格。\n第二段。\n".encode(), "no-form"),
    "truncated.txt": ("财政项目支出绩效自评表\n(2023年度)\n".encode(), "incomplete-form"),
    "cut-table.txt": ("项目名称\t某项目\t项目性质\n一级指标\t二级指标".encode(), "no-form"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_parse_error_names_file_and_reason(tmp_path: Path, name: str) -> None:
    data, code = BAD[name]
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(ParseError) as e:
        parse(f)
    assert e.value.code == code
    assert e.value.file == name and e.value.reason


def test_cli_batch_goes_on_and_exits_nonzero(tmp_path: Path) -> None:
    files = []
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    good = ROOT / "samples" / "003_8e24aa098cee1238.txt"
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", *files, str(good),
                        "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    for name, (_, code) in BAD.items():
        assert f"error: {name}: " in r.stderr and f"[{code}]" in r.stderr
    assert (out / f"{good.name}.json").is_file()
    assert len(list(out.iterdir())) == 1


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(tmp_path / "nope.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "nope.txt" in r.stderr
