"""The hostile inputs of issue 13, made on demand and tiny on disk (a bomb's size is in
what it expands to). One place for them: tests/test_hostile.py keeps each case fixed,
scripts/hostile_corpus.py puts them all in one archive and measures a real run over it.
"""

from __future__ import annotations

import codecs
import os
import socket
import struct
import zlib
from pathlib import Path

# A small target form; {amount} and {target} are where hostile numbers go, {name} where
# hostile text does.
FORM = """财政项目支出绩效目标申报表
(2024年度)
项目名称\t{name}\t项目性质\t经常性项目\t项目类别\t一般性项目
主管部门\t某区交通委员会\t实施单位\t某区港航事业发展中心
项目资金 (元)\t项目资金总额\t\t年度资金申请总额\t{amount}
\t其中：财政资金\t\t其中：当年财政拨款\t200,000.00

\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值
绩效 指标\t产出指标\t数量指标\t集装箱吞吐量\t≥{target}吨
\t\t质量指标\t装卸设备完好率\t≥95%
\t满意度指标\t服务对象满意度指标\t货主满意度\t≥90(%)
"""
NAME = "码头改造项目"


def form(amount: str = "200,000.00", target: str = "5", name: str = NAME) -> bytes:
    return FORM.format(amount=amount, target=target, name=name).encode()


# --- writer run-stoppers ----------------------------------------------------------------------

def huge_amount() -> bytes:
    """1e17 元, beyond DECIMAL(18,2), and a 400-digit target, which reads as Infinity."""
    return form(amount="1" + "0" * 17, target="9" * 400)


def nul_text() -> bytes:
    """A NUL inside a cell: PostgreSQL refuses it in text."""
    return form(name="码头\x00改造项目")


def gbk_name(name: str = "项目表.txt") -> str:
    """``name`` as it reaches Python from a GBK zip unpacked on a UTF-8 system: the bytes
    that are not UTF-8 as lone surrogates (os.fsdecode's surrogateescape)."""
    return os.fsdecode(name.encode("gbk"))


def heavy_weight(self_evaluation: str) -> bytes:
    """A self-evaluation dump (one with a 分值 column, e.g. sample 001) whose first
    indicator weighs 1e8, beyond its DECIMAL column."""
    row = "项目完成率\t>=95%\t>=95%\t5\t5"
    assert row in self_evaluation, "not the self-evaluation dump this case edits"
    return self_evaluation.replace(row, "项目完成率\t>=95%\t>=95%\t100000000\t5", 1).encode()


GOAL = "年度绩效目标\t{goal}\n"


def long_text_forms(file_no: int, forms: int = 20, goal_chars: int = 20_000) -> bytes:
    """One dump of ``forms`` forms, each with a goal of ``goal_chars`` characters: enough
    such files in one commit group ran DuckDB out of its memory limit, for ever."""
    goal = ("绩效目标" * (goal_chars // 4 + 1))[:goal_chars]
    return b"".join(
        form(name=f"码头改造项目{file_no}-{i}") + GOAL.format(goal=goal).encode()
        for i in range(forms))


# --- memory and time bombs --------------------------------------------------------------------

def raw_pdf(objects: list[bytes], page_size: float = 595) -> bytes:
    """A PDF from raw objects 4… (1: catalog, 2: page tree, 3: the page, whose content is
    object 4); the readers rebuild the cross-reference table, as for a damaged file."""
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
            b"/Resources << /XObject << /X 5 0 R >> >> >>" % (page_size, page_size)]
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (i, o)
                    for i, o in enumerate(head + objects, start=1))
    return b"%PDF-1.7\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


# Ruling lines and a box but no text: a page that looks like an empty form, bound for OCR.
RULED = b"".join(b"0 0 m %d 0 l S " % w for w in (100, 200, 300)) + b"50 50 400 300 re S"


def huge_page_pdf(points: int = 14_400) -> bytes:
    """A ruled, textless page ``points`` wide and high (14400 pt: 200 inches)."""
    return raw_pdf([stream(RULED), stream(b"")], page_size=points)


def xobject_fan_pdf(depth: int = 30) -> bytes:
    """Each form XObject draws the one below it twice, ``depth`` deep: 2^depth draws."""
    forms = [stream(b"0 0 m 10 10 l S", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]")]
    for k in range(1, depth):  # object 5 + k draws object 5 + k - 1 twice
        forms.append(stream(b"/Y Do /Y Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                            b"/Resources << /XObject << /Y %d 0 R >> >>" % (5 + k - 1)))
    top = forms.pop()  # object 5 is the page's /X: the top of the fan
    return raw_pdf([stream(b"/X Do"), top, *forms])


def ruled_pages_pdf(pages: int = 2_000) -> bytes:
    """``pages`` ruled pages without text, all sharing one content stream."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    return raw_pdf([stream(RULED), *[page] * pages]).replace(
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))


def deflate_bomb_pdf(inflated_mb: int = 1024) -> bytes:
    """A page whose content stream inflates to ``inflated_mb`` MiB of drawing operators
    (1 GiB packs into about 1 MB)."""
    z = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l S\n" * 4096  # 56 KiB
    packed = b"".join(z.compress(chunk) for _ in range(inflated_mb * 1024 * 1024 // len(chunk)))
    return raw_pdf([stream(packed + z.flush(), b"/Filter /FlateDecode"), stream(b"")])


def big_png(side: int = 13_000, *, whole: bool = False) -> bytes:
    """An RGBA PNG ``side`` pixels square. ``whole``: every row is there (13000² packs
    into about 660 kB), as in a real file; otherwise only the header is real and the
    data is a token, enough for a reader that checks the size before decoding."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    if whole:
        z = zlib.compressobj(9)
        row = b"\x00" * (1 + 4 * side)  # filter byte + transparent black pixels
        data = b"".join(z.compress(row) for _ in range(side)) + z.flush()
    else:
        data = zlib.compress(b"\x00" * 1000)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))


# Markup that cost minutes or gigabytes: super-linear cleanup regexes (28 kB of '<input '
# took 17 s, 140 kB over 5 min), quadratic '<table ' splitting, an open tag without end,
# and a 161-byte cell spanning 100000 × 100000.
MARKUP = {
    "input": b"<input " * 20_000,
    "table": b"<table " * 20_000,
    "tag": b"<a" * 50_000,
    "span": b"<table><tr><td rowspan=100000 colspan=100000>x</td><td>y</td></tr>"
            b"<tr><td>z</td></tr></table>",
}

# A user's grammar pattern that backtracks exponentially on a run of a's without end.
BACKTRACKING_OVERLAY = ("labels.yaml", 'label_noise: ["(a|aa)+$"]\n')


def write_overlay(folder: Path, overlay: tuple[str, str] = BACKTRACKING_OVERLAY) -> Path:
    """A --grammars folder holding ``overlay`` (file name, YAML)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / overlay[0]).write_text(overlay[1], encoding="utf-8")
    return folder


def backtracking_line(length: int = 43) -> bytes:
    """A form whose project name is a's and a '!', ``length`` characters in all: what
    makes ``(a|aa)+$`` backtrack for ever."""
    return form(name="a" * (length - 1) + "!")


# --- wrong but quiet: encodings ---------------------------------------------------------------

BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


def with_bom(encoding: str) -> bytes:
    return BOMS[encoding] + form().decode().encode(encoding)


# A traditional-Chinese form, as Big5 (cp950) would hold it.
TRADITIONAL = ("財政項目支出績效目標申報表\n項目名稱\t碼頭改造項目\t項目性質\t經常性項目\n"
               "主管部門\t某區交通委員會\t實施單位\t某區港航事業發展中心\n")


def stray_bytes() -> bytes:
    """The form with three bytes that are no UTF-8 (one line's worth and one at the end)."""
    return form().replace(b"\n\n", b"\n\xff\x80\n") + b"\xfe"


# --- archive faults ---------------------------------------------------------------------------

def link_out(root: Path, outside: Path, name: str = "link-out.txt") -> Path:
    """A form outside the archive and a symbolic link to it inside."""
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "form.txt").write_bytes(form())
    (root / name).symlink_to(outside / "form.txt")
    return root / name


def fifo(root: Path, name: str = "pipe.txt") -> Path:
    os.mkfifo(root / name)
    return root / name


def socket_file(root: Path, name: str = "sock") -> Path:
    """A Unix socket's file, which stays after its socket is closed."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / name))
    return root / name
