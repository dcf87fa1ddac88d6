"""Built-in document readers (plain text and Markdown; .docx), each a ``planlint_load_document`` hook."""
