"""``perfparse review``: a static HTML report of an ingest's OUT folder (see ``report``)."""

from perfparse.review.report import ReviewSummary, write_review

__all__ = ["ReviewSummary", "write_review"]
