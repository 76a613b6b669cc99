"""Print the HTML forms of other regions with headless Chromium and score the prints.

    python scripts/print_layouts.py ../shared/layouts            # → out/matrix/layouts-chromium/
    python scripts/print_layouts.py ../shared/layouts --details 20
    python scripts/print_layouts.py ../shared/layouts --borders chromium-bare  # → …-bare/

The layouts' reference answers (``<folder>/gold/<stem>.json``) were written for the HTML
pages; their prints must read the same. Chromium prints each page as a browser user
would: default margins and page breaks (rows taller than the space left are split), its
own header and footer (date, title, file URL, ``N/M``). ``--borders`` prints them with
fewer rulings, as the matrix's Chromium variants (make_producers.BORDERS). Needs Debian's
chromium.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_producers import BORDERS, CHROMIUM_FLAGS, TIMEOUT_S
from score_matrix import MATRIX, line, score_folder


def print_html(html: Path, out: Path, css: str = "") -> None:
    with tempfile.TemporaryDirectory(prefix="perfparse-chromium-") as tmp:
        page = html.resolve()
        if css:  # ASCII, so it goes in as bytes whatever the page's encoding (GBK too)
            page = Path(tmp) / html.name
            page.write_bytes(f"<style>{css}</style>".encode() + html.read_bytes())
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
                        f"--print-to-pdf={out}", page.as_uri()], check=True,
                       capture_output=True, timeout=TIMEOUT_S)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("layouts", type=Path, help="a folder of .html forms with gold/<stem>.json")
    ap.add_argument("--details", type=int, default=0, help="mismatches shown")
    ap.add_argument("--borders", choices=sorted(BORDERS), help="print with fewer rulings")
    a = ap.parse_args()
    name = "layouts-chromium" + (a.borders.removeprefix("chromium") if a.borders else "")
    out = MATRIX / name
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(a.layouts.glob("*.html"))
    for k, html in enumerate(pages, start=1):
        print(f"  printing {k}/{len(pages)}: {html.name}", file=sys.stderr, flush=True)
        print_html(html, out / f"{html.stem}.pdf", BORDERS.get(a.borders or "", ""))

    def reference(pdf: Path) -> dict:
        doc = json.loads((a.layouts / "gold" / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        doc["source"]["file"] = pdf.name
        return doc

    rep = score_folder(out, reference=reference)
    print(line(name, rep))
    for m in rep["mismatches"][:a.details]:
        print("   ", m)


if __name__ == "__main__":
    main()
