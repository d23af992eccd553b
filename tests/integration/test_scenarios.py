"""Every workbench scenario of every block renders through the real workbench views."""
import pytest
from django.test import Client
from devsite import course_scenarios
from workbench.scenarios import get_scenarios

course_scenarios.register()

BLOCK_TYPES = ("video_lesson", "asylum_timeline", "self_assessment")


def _our_scenarios():
    return sorted(name for name in get_scenarios() if name.split(".")[0] in BLOCK_TYPES
                  or name.startswith("course_unit"))


def test_each_block_has_scenarios():
    names = _our_scenarios()
    for block_type in BLOCK_TYPES:
        assert any(n.startswith(block_type + ".") for n in names), block_type


@pytest.mark.parametrize("name", _our_scenarios())
def test_scenario_renders(name):
    response = Client().get("/scenario/{}/?student=render-test".format(name))
    assert response.status_code == 200
    html = response.content.decode("utf-8")
    assert "No such view" not in html
    block_type = name.split(".")[0]
    if block_type in BLOCK_TYPES:
        assert "data-block-type='{}'".format(block_type) in html
    assert "Traceback" not in html


def test_every_course_unit_with_our_blocks_is_a_scenario():
    expected = course_scenarios.units()
    loaded = [n for n in get_scenarios() if n.startswith("course_unit.")]
    assert len(loaded) == len(expected)
