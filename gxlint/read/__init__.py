"""Reading a report: from the bytes of a file, in any of its forms, to the report model.

The stages, in the order a file goes through them:

1. :mod:`.source` — bytes in: decode text (UTF-8, GB18030, …) or hand the bytes to a reader;
   :mod:`.sniff` decides the form by content, not only by the file name.
2. One reader per form makes a :class:`~gxlint.read.document.Document` (paragraphs and table
   grids with their spans, each with its :class:`~gxlint.read.document.Origin`):
   :mod:`.word` (.docx), :mod:`.web` (.html), :mod:`.pdf` (.pdf).  Text is its own document:
   :mod:`.textforms` puts the text shapes of a table (bare pipes, one cell per line, space-aligned
   columns) into tab rows, keeping line numbers.
3. :mod:`.render` turns a document into the text the grammar reads, remembering where each line
   came from (so a finding can name a page, paragraph or table cell).
4. :mod:`.unfold` gives one-line crawled reports their lines back; :mod:`.outline` parses the
   text with the Lark grammar (``grammar/report.lark``) into chapters and blocks.
5. :mod:`.build` makes the :class:`~gxlint.model.Report`: title, agency, year, period,
   signature, and every table read against its template by :mod:`.tables` (with :mod:`.cells`
   for one cell's number, :mod:`.splitter` for run-together digits and :mod:`.inline` for tables
   written inside running text).
"""
