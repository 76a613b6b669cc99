"""Cells of a row → the header's roles, by look and by position.

OCR drops and inserts cells, so a row's printed cells are matched to the columns
by an order-preserving assignment that weighs what each cell looks like (a score
is a number, a name is not) against how far it sits from its column; several
candidate shifts of the whole row are tried and the one that explains it best wins.
"""

from __future__ import annotations

from functools import lru_cache

import regex

TEXT_ROLES = ("deviation_reason", "note")
NUMBER = regex.compile(r"^\s*[-+]?\d+(\.\d+)?\s*(分)?\s*$")
# Looks like money: 2,316,480.00, 150, 12.5万元 (what it is worth is the fund reader's job).
AMOUNT = regex.compile(r"^\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万?元)?\s*$")
DIGIT = regex.compile(r"\d")
_NUMBER_PAIR = regex.compile(r"^\s*\d+(\.\d+)?\s*[/／]\s*\d+(\.\d+)?\s*$")
_PERCENT = regex.compile(r"^\s*\d+(\.\d+)?\s*[%％]?\s*$")
_SKIP_COST = {"name": 6.0, "target": 1.5, "actual": 1.2, "weight": 1.0, "score": 1.0}


@lru_cache(maxsize=65536)
def fit(role: str, text: str) -> float:
    """How well a cell's look fits a role (higher is better)."""
    # A score cell may print two numbers under a head naming two roles (分值/得分: 15/13.5).
    numeric = bool(NUMBER.match(text) or _NUMBER_PAIR.match(text))
    if role == "weight":
        # 权重 is often printed as a share (15%).
        return 2.0 if numeric or _PERCENT.match(text) else -4.0
    if role == "score":
        return 2.0 if numeric else -4.0
    if role == "completion_rate":
        return 2.0 if _PERCENT.match(text) else -4.0
    if role == "fund.budget":
        return 2.0 if AMOUNT.match(text) else -4.0
    if role == "name" or role.startswith("project."):
        return -3.0 if numeric or AMOUNT.match(text) else 0.5
    if role in TEXT_ROLES or role.startswith("goals."):
        return -1.5 if numeric else 0.2
    if role == "target_op":
        return 1.0 if len(text) <= 4 and not DIGIT.search(text) else -3.0
    if role == "target_unit":
        return 0.5 if len(text) <= 8 and not DIGIT.search(text) else -3.0
    return 0.0


def align(cells: list[tuple[int, str]], roles: list[tuple[int, str]],
          shifts: tuple[int | None, ...] = (None,)) -> dict[str, str] | None:
    """Order-preserving assignment of cells to roles with the best total fit:
    role → text. None when there are more cells than roles."""
    placed = place(cells, roles, shifts)
    return None if placed is None else {roles[j][1]: cells[i][1] for i, j in placed}


def place(cells: list[tuple[int, str]], roles: list[tuple[int, str]],
          shifts: tuple[int | None, ...] = (None,)) -> list[tuple[int, int]] | None:
    """(cell index, role index) pairs of the best order-preserving assignment.

    ``shifts`` are the candidate distances the row's cells sit right of their
    columns (None: as far as its first cell from the first role); the one that
    explains the row best wins. None when there are more cells than roles.
    """
    n, m = len(cells), len(roles)
    if n > m:
        return None
    if n == 0:
        return []
    # The common rows need no search: every cell in its own column (trailing
    # text columns such as 偏差原因 left empty), or as many cells as columns.
    head = roles[:n]
    if (n == m or all(r in TEXT_ROLES for _, r in roles[n:])) and all(
            fit(r, t) >= 0 and (n == m or c == rc)
            for (c, t), (rc, r) in zip(cells, head, strict=True)):
        return [(i, i) for i in range(n)]
    found = [_align(cells, roles, cells[0][0] - roles[0][0] if s is None else s)
             for s in dict.fromkeys(shifts)]
    return max(found, key=lambda f: f[0])[1]


def _align(cells: list[tuple[int, str]], roles: list[tuple[int, str]],
           shift: int) -> tuple[float, list[tuple[int, int]]]:
    n, m = len(cells), len(roles)
    neg = float("-inf")
    # best[i][j]: best score placing the first i cells among the first j roles.
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        best[0][j] = best[0][j - 1] - _SKIP_COST.get(roles[j - 1][1], 0.3)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            col, text = cells[i - 1]
            rcol, role = roles[j - 1]
            use = best[i - 1][j - 1] + fit(role, text) - 0.25 * abs(col - rcol - shift)
            skip = best[i][j - 1] - _SKIP_COST.get(role, 0.3) if j > i else neg
            best[i][j], take[i][j] = (use, True) if use >= skip else (skip, False)
    out: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0:
        if take[i][j]:
            out.append((i - 1, j - 1))
            i -= 1
        j -= 1
    return best[n][m], out[::-1]
