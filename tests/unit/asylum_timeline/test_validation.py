"""Validation table: each broken timeline gives one message that names the element and attribute."""
import pytest

from xblocks.asylum_timeline import olx
from xblocks.asylum_timeline.timeline import from_dict, is_date, validate
from xblocks.common.errors import ContentError

BASE = """<asylum_timeline reviewed="{reviewed}">
  <actor id="mv" name="Migrationsverket" color="{colour}"/>
  <actor id="{actor2}" name="{name2}"/>
  <path id="tillstand" title="Tillstånd"/>
  <phase id="ankomst" title="Ankomst">
    <step id="ansokan" actors="{actors}" paths="{paths}" since="{since}">
      <title>{title}</title>
      <source href="{href}" checked="{checked}">Källa</source>
      <outcome to="{to}"/>
    </step>
    <step id="{step2}" actors="mv" paths="{paths2}"><title>Beslut</title><outcome to="{to2}"/></step>
  </phase>
  <phase id="senare" title="Senare"/>
  <quiz><order steps="{order}"/><match steps="{match}"/></quiz>
</asylum_timeline>"""

GOOD = dict(reviewed="2026-06-25", colour="#1f5fa8", actor2="polisen", name2="Polisen", actors="mv polisen",
            paths="tillstand", since="2026-06-12", title="Ansökan", href="https://example.org/", checked="odaterad",
            to="beslut", step2="beslut", paths2="tillstand", to2="", order="ansokan beslut", match="ansokan")


def messages(**changes):
    xml = BASE.format(**dict(GOOD, **changes)).replace(' to=""', "").replace("<outcome/>", "")
    return [e.translate(lambda m: m) for e in validate(olx.parse_string(xml, "t.xml"))]


def test_the_base_timeline_is_valid():
    assert messages() == []


@pytest.mark.parametrize("changes, expected", [
    ({"actors": "mv x"}, 'step "ansokan" @actors: unknown actor “x”'),
    ({"actors": ""}, 'step "ansokan" @actors: every step needs at least one actor'),
    ({"actors": "mv mv"}, 'step "ansokan" @actors: “mv” is listed more than once'),
    ({"paths": "nowhere"}, 'step "ansokan" @paths: unknown path “nowhere”'),
    ({"to": "saknas"}, 'step "ansokan" @outcome[1] @to: unknown step or phase “saknas”'),
    ({"to2": "ansokan"}, 'the outcomes form a cycle: ansokan → beslut → ansokan'),
    # every outcome reachable from the step it leaves: a phase with steps, a step on one of its paths
    ({"to": "senare"}, 'step "ansokan" @outcome[1] @to: the phase “senare” has no steps, so the outcome leads nowhere'),
    ({"paths2": ""}, 'step "ansokan" @outcome[1] @to: “beslut” is on none of this step\'s paths, so learners who '
                     'follow a path cannot reach it'),
    ({"to": "ansokan"}, 'step "ansokan" @outcome: the outcomes form a cycle: ansokan → ansokan'),
    ({"step2": "ansokan", "to": "", "order": "ansokan", "match": "ansokan"},
     'step "ansokan" @id: the id “ansokan” is used more than once'),
    ({"step2": "ankomst", "to": "", "order": "ansokan ankomst", "match": "ansokan"},
     'step "ankomst" @id: the id “ankomst” is used more than once'),
    ({"actor2": "mv", "actors": "mv"}, 'actor "mv" @id: the id “mv” is used more than once'),
    ({"actor2": "två ord"}, "may only contain letters"),
    ({"name2": ""}, 'actor "polisen" @name: this text is required'),
    ({"title": ""}, 'step "ansokan" @title: this text is required'),
    ({"href": "javascript:alert(1)"}, 'step "ansokan" @source[1] @href: “javascript:alert(1)” is not a link'),
    ({"href": "/relative"}, "only http and https links are allowed"),
    ({"checked": "igår"}, 'step "ansokan" @source[1] @checked: “igår” is not a date'),
    ({"since": "2026-02-30"}, 'step "ansokan" @since: “2026-02-30” is not a date'),
    ({"reviewed": "25/6"}, "asylum_timeline @reviewed: “25/6” is not a date"),
    ({"colour": "red"}, 'actor "mv" @color: “red” is not a colour'),
    ({"order": "ansokan okand"}, 'quiz "order-1" @steps: unknown step “okand”'),
    ({"order": "ansokan"}, 'quiz "order-1" @steps: an order quiz needs at least two different steps'),
    ({"match": "ansokan ansokan"}, 'quiz "match-1" @steps: “ansokan” is listed more than once'),
    ({"match": ""}, 'quiz "match-1" @steps: a quiz needs at least one step'),
])
def test_each_problem_is_named(changes, expected):
    found = messages(**changes)
    assert any(expected in m for m in found), found


def test_all_problems_are_reported_at_once():
    found = messages(actors="x", href="ftp://x", order="zz")
    assert len(found) >= 3


def test_rows_without_an_id_are_named_by_position():
    timeline = from_dict({"actors": [{"id": "a", "name": "A"}, {"id": "", "name": "B"}],
                          "phases": [{"id": "p", "title": "P", "steps": [{"id": "", "title": "", "actors": ["a"]}]}]})
    found = [e.translate(lambda m: m) for e in validate(timeline)]
    assert "actor #2 @id: an id is required" in found
    assert "step #1 @id: an id is required" in found
    assert "step #1 @title: this text is required" in found


def test_from_dict_refuses_wrong_types_naming_the_place():
    with pytest.raises(ContentError) as caught:
        from_dict({"phases": [{"id": "p", "title": 3}]})
    assert caught.value.translate(lambda m: m) == "timeline phases[1] @title: must be text"
    with pytest.raises(ContentError):
        from_dict({"actors": "mv"})
    with pytest.raises(ContentError):
        from_dict({"phases": [{"id": "p", "title": "P", "steps": [{"id": "s", "actors": [1]}]}]})
    with pytest.raises(ContentError):
        from_dict([])


@pytest.mark.parametrize("value, partial, ok", [
    ("2026", True, True), ("2026-06", True, True), ("2026-06-25", True, True), ("2024-02-29", False, True),
    ("2025-02-29", True, False), ("2026-13", True, False), ("2026-06", False, False), ("", True, False),
    ("26-06-25", True, False), ("2026-6-1", True, False),
])
def test_is_date(value, partial, ok):
    assert is_date(value, allow_partial=partial) is ok


def test_branches_of_the_default_content_continue_to_their_end():
    """After "laga kraft" the path leads on to the return steps; every outcome passes the reachability rule."""
    from xblocks.asylum_timeline import content  # pylint: disable=import-outside-toplevel
    timeline = content.default_timeline()
    assert validate(timeline) == []
    phase_of = {step.id: phase.id for phase in timeline.phases for step in phase.steps}
    targets = [outcome.to for outcome in timeline.step_map()["laga-kraft"].outcomes]
    assert targets and all(phase_of[target] == "atervandande" for target in targets)
