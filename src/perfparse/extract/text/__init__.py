"""OCR text dumps (tab-separated, Markdown and bare pipes, CSV, grid tables, HTML, LaTeX)
→ grid: decode the bytes (decode), read rows and lines (dumps), with one module per
notation that needs more than a split (csv_tables, pipe_rows, grid_tables, html_tables,
latex_tables), when delimited lines are a table (runs), and spans laid out on the grid
(spans)."""
