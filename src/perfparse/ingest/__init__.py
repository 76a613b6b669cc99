"""Batch ingest: a directory tree of archived files → flat tables in a warehouse.

``ingest(IngestOptions(root, out))`` is the library entry; ``perfparse ingest`` is
a thin command over it.
"""

from perfparse.ingest.run import (
    IngestOptions,
    IngestSummary,
    Progress,
    PruneRefused,
    Refused,
    ingest,
)

__all__ = ["IngestOptions", "IngestSummary", "Progress", "PruneRefused", "Refused", "ingest"]
