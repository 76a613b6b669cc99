"""Sinks: documents → flat tables (``flatten``, ``frames``), files in OUT (``exports``)
and warehouses (``duckdb_warehouse``, ``postgres_warehouse``).

Nothing is imported here, so a parse worker that only flattens never loads
pandas, pyarrow or a database driver.
"""
