"""Build-time files in the theme folder stay out of the built site.

MkDocs copies every file of the theme folder (``overrides/``) that is not a
template or Python into the site. Two are for the build only: the Node script
the engine's start-up files are made with (``hooks/pyodide_startup.mjs``) and
the go/ resolver that ``go.html`` writes inline into the page
(``partials/go-resolver.js``). Served as files, they were public for no reader.
Type declarations (``*.d.ts``, e.g. the worker's message protocol) are for the
type check only.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

BUILD_ONLY = ("hooks/", "partials/")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The site's files without the theme folder's build-time ones."""
    for file in list(files):
        build_only = file.src_uri.startswith(BUILD_ONLY) or file.src_uri.endswith(".d.ts")
        if build_only and not file.is_documentation_page():
            files.remove(file)
    return files
