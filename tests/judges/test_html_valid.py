"""Valid HTML: the W3C Nu HTML Checker (npm vnu-jar, run with Java) over every
built page, in one Java run. Any error fails, except the few that Material's
own templates produce, listed below with the template fix; an allowance that
no longer matches anything fails too, so the list cannot go stale.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from tests.judges.harness import NOTES, ROOT, built_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message pattern, extract pattern, why it is allowed and how to fix it upstream)
MATERIAL_ERRORS: tuple[tuple[str, str, str], ...] = (
    (
        r"^Attribute “autocomplete” is only allowed when the input type is ",
        r'data-md-toggle="(drawer|search)"',
        "Material's base.html puts autocomplete=off on its drawer and search toggle "
        "checkboxes so Firefox does not restore them on back navigation. Fix upstream "
        "or override base.html; harmless to users.",
    ),
    (
        r"^Bad value “” for attribute “tabindex” on element “label”",
        r'class="md-nav__link[^"]*" for="__nav_\d+" id="__nav_\d+_label" tabindex=""',
        'Material\'s partials/nav-item.html writes tabindex="" on section labels '
        "(navigation.sections). Fix: override partials/nav-item.html to write the "
        'attribute only when set: {% if tabindex %}tabindex="{{ tabindex }}"{% endif %}.',
    ),
)


def material_allowance(message: dict) -> int | None:
    """The index of the allowance that covers a vnu message, if any."""
    for index, (text, extract, _) in enumerate(MATERIAL_ERRORS):
        if re.search(text, message.get("message", "")) and re.search(
            extract, message.get("extract", "")
        ):
            return index
    return None


def test_every_page_is_valid_html(site_dir: Path) -> None:
    java = shutil.which("java")
    assert java, "java is missing: run scripts/system-deps (apt default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci` (package.json devDependency vnu-jar)"
    pages = built_pages(site_dir)
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        cwd=site_dir,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(run.stderr or run.stdout)
    errors, used = [], set()
    for message in report["messages"]:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        allowance = material_allowance(message)
        if allowance is not None:
            used.add(allowance)
            continue
        where = message.get("url", "").split(f"{site_dir}/", 1)[-1]
        errors.append(
            f"{where}:{message.get('lastLine')}: {message['message']}"
            f"  [{message.get('extract', '').strip()}]"
        )
    NOTES.append(f"vnu: {len(pages)} pages checked, {len(errors)} errors")
    assert errors == [], "\n".join(errors)
    stale = [MATERIAL_ERRORS[i][0] for i in range(len(MATERIAL_ERRORS)) if i not in used]
    assert stale == [], "remove allowances that no longer match anything"
