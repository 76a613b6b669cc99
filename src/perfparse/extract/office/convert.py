"""Convert a binary Office file (.doc, .wps, .et; .xls/.docx a reader refused) to
.xlsx/.docx with LibreOffice headless.

Each conversion runs in a fresh temporary profile (``-env:UserInstallation``), so
parallel workers never share LibreOffice's lock files, and under a timeout that ends the
whole process group (``soffice`` is a script that starts ``soffice.bin``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from perfparse.errors import ParseError

TIMEOUT_S = 180  # a first run builds the profile (a few seconds); large files take longer
# The Debian package whose LibreOffice component imports each kind of file.
PACKAGE = {"xlsx": "libreoffice-calc", "xls": "libreoffice-calc",
           "docx": "libreoffice-writer", "doc": "libreoffice-writer"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(name: str, data: bytes, kind: str, target: str) -> bytes:
    """``data`` (a file of ``kind``) converted to ``target`` (``xlsx`` or ``docx``)."""
    exe = soffice()
    if exe is None:
        raise ParseError(name, "converter-missing", f"reading this {kind} file needs "
                         f"LibreOffice: apt-get install {PACKAGE[kind]} (or save it as "
                         f".{target} and parse that)")
    with tempfile.TemporaryDirectory(prefix="perfparse-soffice-") as tmp:
        work = Path(tmp)
        src = work / f"input.{kind}"  # the suffix helps LibreOffice pick its import filter
        src.write_bytes(data)
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", target,
               "--outdir", str(work / "out"), str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            log, _ = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise ParseError(name, "conversion-failed", f"LibreOffice did not convert the "
                             f"file within {TIMEOUT_S} s; save it as .{target} and parse "
                             "that") from None
        out = work / "out" / f"input.{target}"
        if not out.is_file():
            said = log.decode("utf-8", "replace").strip().splitlines()
            raise ParseError(name, "conversion-failed", "LibreOffice could not convert the "
                             f"file ({said[-1] if said else 'no output'}); it may be damaged")
        return out.read_bytes()
