from datetime import date

from tools.stale import stale_pages


def page(docs, name, reviewed):
    (docs / name).write_text(f"---\ntitle: T\nreviewed: {reviewed}\n---\n# T\n", encoding="utf-8")


def test_only_pages_older_than_12_months_are_listed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page(docs, "old.md", "2025-11-22")
    page(docs, "edge.md", "2025-11-23")
    page(docs, "new.md", "2026-11-01")
    (docs / "none.md").write_text("# No front matter\n", encoding="utf-8")
    lines = stale_pages(docs, today=date(2026, 11, 23))
    assert lines == [
        "docs/none.md: no 'reviewed' date in front matter",
        "docs/old.md: reviewed 2025-11-22, more than 12 months ago; check its facts",
    ]
