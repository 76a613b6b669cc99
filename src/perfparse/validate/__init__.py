"""Validation: pydantic models of the record contract, and cross-checks on them."""
