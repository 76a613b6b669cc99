"""Assembler: normalised parts of each segment → contract records."""

from perfparse.assemble.document import assemble_document

__all__ = ["assemble_document"]
