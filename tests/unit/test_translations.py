"""The gettext catalogues are complete (sv and en), consistent, and compiled."""
import i18n  # scripts/i18n.py (tests/conftest.py puts scripts/ on the path)


def test_catalogues_complete_and_compiled():
    assert i18n.problems() == []
