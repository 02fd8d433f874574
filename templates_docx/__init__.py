"""Word templates and the renderer that turns a report into a UN-layout .docx."""
