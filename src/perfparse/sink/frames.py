"""``to_frames``: documents → pandas DataFrames of the flat tables."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from perfparse.sink.arrow import to_arrow
from perfparse.sink.flatten import Row, flatten_document
from perfparse.sink.schema import DATA_TABLES
from perfparse.validate.records import Document


def to_frames(docs: Iterable[Document]) -> dict[str, pd.DataFrame]:
    """Return ``files``, ``projects``, ``fund_lines``, ``indicators``, ``scores`` and
    ``warnings`` frames, one row per record, typed with Arrow dtypes (money is
    ``decimal128(18, 2)`` in 元, dates are ``date32``) so nothing is rounded
    through float or turned into text.
    """
    rows: dict[str, list[Row]] = {t.name: [] for t in DATA_TABLES}
    for doc in docs:
        for name, table_rows in flatten_document(doc).items():
            rows[name] += table_rows
    return {t.name: to_arrow(t, rows[t.name]).to_pandas(types_mapper=pd.ArrowDtype)
            for t in DATA_TABLES}
