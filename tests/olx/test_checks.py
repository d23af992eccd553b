"""The graded checks test understanding: no position or length cue, a scenario per module, sources shown.

A learner who always picks the first or the longest option must not pass (the review of
2026-12 found the key in position 1 or 2 in 34 of 36 items and longest in 29 of 36).
"""
import os
import re
import statistics

import pytest
from build_course import SOURCE
from coursetools import olxtree
from lxml import etree

# "What do you do / say when …": at least one such item in every module's graded check.
SCENARIO = re.compile(r"\bVad (?:gör|svarar|säger) du\b|\bVad kan du (?:säga|förklara)\b|\bVad ska du göra\b")
STATISTIC = re.compile(r"\d+(?:,\d+)?\s*(?:procent|%)|\bvar (?:tredje|fjärde|femte|tionde)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _graded_problems():
    errors = []
    course, _refs = olxtree.load(SOURCE, errors)
    assert errors == []
    items = []
    for chapter in (c for c in course.children if c.tag == "chapter"):
        for sequential in (n for n in olxtree.walk(chapter) if n.tag == "sequential"):
            if sequential.element.get("graded") != "true":
                continue
            for node in olxtree.walk(sequential):
                if node.tag == "problem":
                    path = os.path.join(SOURCE, "problem", node.url_name + ".xml")
                    items.append((chapter.url_name, node.url_name, etree.parse(path).getroot()))
    return items


ITEMS = _graded_problems()


def _choices(problem):
    group = problem.find(".//choicegroup")
    return group, [((c.text or "").strip(), c.get("correct") == "true", c.find("choicehint")) for c in group]


def test_there_are_graded_checks_in_modules_2_to_10():
    assert len(ITEMS) >= 36
    assert len({chapter for chapter, _, _ in ITEMS}) >= 9


@pytest.mark.parametrize("chapter, name, problem", ITEMS, ids=[n for _, n, _ in ITEMS])
def test_one_key_shuffled_options_of_comparable_length_and_feedback_per_option(chapter, name, problem):
    group, choices = _choices(problem)
    assert group.get("shuffle") == "true", "order carries no meaning: shuffle the options"
    keys = [text for text, correct, _ in choices if correct]
    assert len(keys) == 1 and len(choices) == 4
    distractors = [len(text) for text, correct, _ in choices if not correct]
    assert len(keys[0]) <= 1.25 * statistics.mean(distractors), (keys[0], distractors)
    assert all(hint is not None and (hint.text or "").strip() for _, _, hint in choices)


def test_keys_are_spread_over_positions_and_rarely_the_longest():
    positions, clearly_longest = [], 0
    for _chapter, _name, problem in ITEMS:
        _group, choices = _choices(problem)
        key = next(i for i, (_, correct, _) in enumerate(choices) if correct)
        positions.append(key)
        others = [len(t) for i, (t, _, _) in enumerate(choices) if i != key]
        clearly_longest += len(choices[key][0]) > max(others) + 5
    counts = [positions.count(p) for p in range(4)]
    assert min(counts) >= len(ITEMS) // 8 and max(counts) <= len(ITEMS) * 0.4, counts
    assert clearly_longest <= len(ITEMS) / 6, clearly_longest


def test_every_module_has_a_scenario_item():
    modules = {}
    for chapter, _name, problem in ITEMS:
        modules.setdefault(chapter, []).append(problem.findtext(".//label") or "")
    missing = [chapter for chapter, labels in modules.items() if not any(SCENARIO.search(label) for label in labels)]
    assert missing == []


@pytest.mark.parametrize("chapter, name, problem", ITEMS, ids=[n for _, n, _ in ITEMS])
def test_statistics_carry_year_and_source(chapter, name, problem):
    text = " ".join(problem.itertext())
    if STATISTIC.search(text):
        solution = " ".join(problem.find(".//solution").itertext())
        assert YEAR.search(solution) and "[S" in solution, name


def test_no_learner_facing_source_from_the_banned_sites():
    """Course files and the timeline's default content (shown for an empty <asylum_timeline/>)."""
    from build_course import package_files
    from coursetools.validate import _BANNED_SOURCE

    default = os.path.join(os.path.dirname(SOURCE), "xblocks", "asylum_timeline", "default_content.xml")
    paths = [source for _, source in package_files(SOURCE) if source.endswith((".xml", ".html", ".json", ".vtt"))]
    found = []
    for path in paths + [default]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        found += ["{}: {}".format(os.path.relpath(path, SOURCE), m.group(0)) for m in _BANNED_SOURCE.finditer(text)]
        if path.endswith(".html") and "odaterad" in text.lower():
            found.append("{}: 'odaterad' (write 'datum saknas')".format(os.path.relpath(path, SOURCE)))
    assert found == []
