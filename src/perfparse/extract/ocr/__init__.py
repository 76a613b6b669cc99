"""Scans and photos → grid by offline OCR (scan): turn the page upright (orient), find
rulings and build the grid with the shared geometry (rules), recognise text (engine,
checkbox), put it into cells (assign) with its confidence (confidence), and repair
misreadings only one text can mean (repair)."""
