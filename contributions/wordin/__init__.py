"""Word files in: uploaded .docx files read safely into section text."""

from contributions.wordin.reader import ImportedText, WordComment, read_docx
from contributions.wordin.safety import WordFileRefused

__all__ = ["ImportedText", "WordComment", "WordFileRefused", "read_docx"]
