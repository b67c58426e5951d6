"""Reports: per-unit and instansi notebooks, executed by papermill and rendered to HTML and PDF."""
