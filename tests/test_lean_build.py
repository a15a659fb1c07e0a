"""A build holds generated pages and exports compressed, and as text only while MkDocs needs
them (lean_build.py), without changing what other plugins see or what gets written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.lean_build import ExportFolder, PackedPage, ParkedContent, pack, unpack
from parallax.render.generated_page import GeneratedPage
from parallax.render.templating import Heading

from .conftest import make_project, mkdocs_build


def _page() -> GeneratedPage:
    body = "".join(f"<p id='s{i}'>Sentence {i} of a long article, said twice.</p>"
                   for i in range(400))
    return GeneratedPage(path="stories/s/a.md", title="A title", body=body,
                         headings=(Heading(2, "Text", "text"),), meta=(("hide", ["toc"]),))


def test_a_packed_page_gives_back_the_same_page_in_less_room() -> None:
    page = _page()
    packed = PackedPage.of(page)
    assert packed.body() == page.body
    assert (packed.path, packed.stub(), packed.toc()) == (page.path, page.stub(), page.toc())
    assert len(packed.packed_body) * 5 < len(page.body.encode())
    assert packed.outline.body == ""


def test_parked_content_is_given_back_once_and_reuses_what_is_already_packed() -> None:
    parked = ParkedContent()
    body = _page().body
    known = (body, pack(body))
    parked.park("a.md", body, known)
    parked.park("b.md", body + "<p>changed by another plugin</p>", known)
    assert parked._parked["a.md"] is known[1]  # the very bytes: not compressed again
    assert unpack(parked._parked["b.md"]).endswith("another plugin</p>")
    assert parked.take("a.md") == body
    assert parked.take("a.md") is None
    assert parked.take("never parked") is None


def test_exports_are_written_out_and_removed() -> None:
    folder = ExportFolder()
    text = json.dumps({"story": "é, “quoted”"}, ensure_ascii=False)
    written = folder.write({"export/s.json": pack(text), "export/s.csv": pack("a,b\n")})
    assert set(written) == {"export/s.json", "export/s.csv"}
    assert written["export/s.json"].read_text(encoding="utf-8") == text
    again = folder.write({"export/t.json": pack("{}")})  # the next build replaces the folder
    assert not written["export/s.json"].exists()
    folder.remove()
    assert not again["export/t.json"].exists()


WATCH_HOOK = """
import json
from pathlib import Path
from mkdocs.plugins import event_priority

seen = {"at_env": 0, "in_context": [], "after_build": 0, "changed": 0}

def _generated(files):
    return [f.page for f in files.documentation_pages()
            if f.generated_by is not None and f.src_uri.startswith("stories/")]

def on_page_content(html, page, config, files):
    if page.file.generated_by is not None and page.file.src_uri.startswith("stories/"):
        seen["changed"] += 1
        return html + "<p class='hook-mark'>added by another plugin</p>"
    return html

def on_env(env, config, files):
    global _files
    _files = files
    seen["at_env"] = sum(len(p.content or "") for p in _generated(files))
    return env

def on_page_context(context, page, config, nav):
    if page.file.generated_by is not None and page.file.src_uri.startswith("stories/"):
        seen["in_context"].append(len(page.content or ""))
    return context

@event_priority(-90)
def on_post_build(config):
    seen["after_build"] = sum(len(p.content or "") for p in _generated(_files))
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen))
"""


@pytest.mark.build
def test_a_build_holds_no_page_as_text_between_reading_and_writing_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))  # the build's own temporary files go here
    (project / "watch_hook.py").write_text(WATCH_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - watch_hook.py\n",
                      encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    seen = json.loads((project / "seen.json").read_text(encoding="utf-8"))
    # Every generated page was read, and another plugin's change to it was kept ...
    assert seen["changed"] == len(seen["in_context"]) > 10
    article = next((project / "site" / "stories").glob("*/*/index.html"))
    assert "added by another plugin" in article.read_text(encoding="utf-8")
    # ... the page's HTML was there whole when its template (and any plugin) read it ...
    assert min(seen["in_context"]) > 1000
    # ... and held compressed in between and after: none of it as text in MkDocs' pages.
    assert seen["at_env"] == 0
    assert seen["after_build"] == 0
    # The exports were copied from a temporary folder, gone after the build.
    assert len(list((project / "site" / "export").glob("*.json"))) == 1
    assert list(temporary.iterdir()) == []
