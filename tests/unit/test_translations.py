"""The gettext catalogues are complete (sv and en), consistent, and compiled."""
import i18n  # scripts/i18n.py (tests/conftest.py puts scripts/ on the path)


def test_catalogues_complete_and_compiled():
    assert i18n.problems() == []


def test_compiled_catalogue_compared_by_meaning_not_tool_version():
    """A .mo written by another Babel version (its Generated-By header differs) is still up to date;
    a .mo whose messages differ is not (a fresh clone failed when Babel 2.19 came out)."""
    domain, lang = "xblocks/video_lesson", "sv"
    catalog = i18n._read(i18n.po_path(domain, lang), lang)
    data = i18n._mo_bytes(catalog)
    other_tool = data.replace(b"Generated-By: Babel", b"Generated-By: Bebel")
    assert other_tool != data
    assert i18n._mo_content(other_tool) == i18n._mo_content(data)
    first = next(m for m in catalog if m.id and isinstance(m.id, str) and m.string)
    first.string = first.string + " (changed)"
    assert i18n._mo_content(i18n._mo_bytes(catalog)) != i18n._mo_content(data)
