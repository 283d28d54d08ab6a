"""Reading a report: from the bytes of a file, in any of its forms, to the text the grammar reads.

The flow: :mod:`sniff` decides the form by content; one reader per form (:mod:`textforms` for the
text shapes of a table, :mod:`word` for .docx, :mod:`web` for .html, :mod:`pdf` for .pdf) makes a
:class:`~gxlint.read.document.Document`; :mod:`render` turns a document into the text the
grammar parses, keeping where every line came from."""
