"""One document: one notebook executed, rendered to HTML and PDF.

In: a `Job` (template, parameters, output paths, title, footer). Out: the executed `.ipynb`, its
`.html` and `.pdf`, written atomically, and a `JobResult` (status, file hashes, a `JobError` on
failure). Kernels are forked from a warm zygote; PDFs come from a headless Chromium (or WeasyPrint).
"""
