"""OCR text dumps (tab-separated, Markdown, HTML) → grid: decode the bytes (decode), read
rows and lines (dumps), lay out HTML tables with their spans (html_tables)."""
