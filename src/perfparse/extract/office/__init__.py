"""Spreadsheets and word-processor files → grid (read): recognise the kind (sniff), read
.xlsx (xlsx) and .xls (xls) sheets into one sheet model (sheet), .docx (docx), and convert
the rest with LibreOffice (convert)."""
