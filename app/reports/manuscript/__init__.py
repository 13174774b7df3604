"""The manuscript draft: one builder of the article's structure (:mod:`.build`), two
writers (Word: :mod:`.docx_writer`, Markdown with its figures beside it:
:mod:`.markdown_writer`); :mod:`.write` reads the conference and picks the writer."""
