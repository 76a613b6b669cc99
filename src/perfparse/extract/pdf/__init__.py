"""Born-digital PDFs → grid (read): open the file (open), glyphs and ruling edges from
pdfplumber's layout (plumber) or pypdfium2 (pdfium, also the renderer for OCR), tables from
the shared ruling-line geometry (..geometry) or Camelot (camelot), one column numbering for
a table over a page break (columns), and the readability test of a text layer (textlayer).
"""
