"""self_assessment's editor handler: keys kept for existing rows and made from the text for new ones,
every problem answered 400 (naming the row) with nothing saved, validate() in Studio's panel."""
from django.utils import translation

from xblocks.self_assessment.scenarios import START

from .hostile import snapshot


def form(block):
    return {"display_name": "Självskattning", "role": "before", "series": "kursen", "intro": "",
            "levels": ["Osäker", "Ganska trygg", "Trygg"],
            "statements": [dict(s) for s in block.assessment().to_fields()["statements"]]}


def test_save_keeps_keys_of_edited_rows_and_slugs_new_ones(harness):
    block = harness.load(START)
    data = form(block)
    data["statements"][0]["text"] = "Att förklara asylprocessen för en kollega."  # edited: key stays
    data["statements"].insert(0, {"key": "", "text": "Att tala med tolk", "guidance": "<p>Se modul 5.</p>"})
    data["statements"].append({"key": "hittepa", "text": "Att möta oro", "guidance": ""})  # unknown key: new
    status, reply = harness.call(block, "studio_submit", data)  # the demo site: every workbench user is an author
    assert status == 200 and reply["saved"] is True
    keys = [s["key"] for s in reply["form"]["statements"]]
    assert keys == ["att-tala-med-tolk", "asylprocessen", "tolk", "hanvisa", "att-mota-oro"]
    fresh = harness.as_user(block, block.scope_ids.user_id)
    assert fresh.levels == ["Osäker", "Ganska trygg", "Trygg"] and fresh.statements[1]["key"] == "asylprocessen"
    assert '<statement key="att-tala-med-tolk">' in fresh.export_olx()


def test_every_problem_is_400_and_nothing_is_saved(harness):
    block = harness.load(START)
    before = snapshot(block)
    data = form(block)
    data["levels"] = ["Bara en"]
    data["series"] = "a|b"
    data["statements"][1]["text"] = "  "
    data["statements"][2]["text"] = data["statements"][0]["text"].upper()
    with translation.override("sv"):
        status, reply = harness.call(block, "studio_submit", data)
    assert status == 400 and reply["error"].startswith("Inget sparades")
    messages = [m["message"] for m in reply["messages"]]
    assert "Påstående 2 saknar text." in messages and "Påstående 3 upprepar påstående 1." in messages
    assert any("nivåer" in m for m in messages) and any("Serien" in m for m in messages)
    assert snapshot(harness.as_user(block, block.scope_ids.user_id)) == before
    data = form(block)
    data["statements"] = []
    status, reply = harness.call(block, "studio_submit", data)
    assert status == 400 and [m["location"] for m in reply["messages"]] == ["statement"]
    assert harness.call(block, "studio_submit", dict(data, levels="a"))[0] == 400


def test_validate_shows_content_problems_in_studios_panel(harness):
    block = harness.load(START.replace("Att leda ett samtal med hjälp av tolk.",
                                       "Att i stora drag förklara asylprocessen, från ansökan till beslut och det "
                                       "som händer sedan."))
    with translation.override("sv"):
        messages = [m.text for m in block.validate().messages]
    assert messages == ["Påstående 2 upprepar påstående 1."]


def test_studio_view_renders_the_form_without_keys_visible(harness):
    block = harness.load(START)
    html = block.runtime.render(block, "studio_view").content
    assert "data-sae-statements" in html and "asylprocessen" in html  # only inside the JSON data element
    assert 'value="asylprocessen"' not in html


def test_authors_edit_plain_paragraphs_and_html_stays_html(harness):
    """The editor shows `<p>`-only author HTML as plain text (a blank line between paragraphs) and turns
    plain text back into escaped paragraphs; HTML with other markup is edited as HTML."""
    block = harness.load(START)
    data = form(block)
    data["intro"] = "Hur trygg känner du dig?\n\nSvara ärligt: 1 < 4 & inga svar är fel."
    data["statements"][0]["guidance"] = "Se <a href=\"https://www.migrationsverket.se/\">Migrationsverket</a>."
    data["statements"][1]["guidance"] = "En rad\noch en till"
    status, reply = harness.call(block, "studio_submit", data)
    assert status == 200
    fresh = harness.as_user(block, block.scope_ids.user_id)
    assert fresh.intro == "<p>Hur trygg känner du dig?</p><p>Svara ärligt: 1 &lt; 4 &amp; inga svar är fel.</p>"
    assert fresh.statements[0]["guidance"] == data["statements"][0]["guidance"]
    assert fresh.statements[1]["guidance"] == "<p>En rad<br>och en till</p>"
    # What the editor shows next time is what the author typed.
    assert reply["form"]["intro"] == data["intro"]
    assert reply["form"]["statements"][0]["guidance"] == data["statements"][0]["guidance"]
    html = fresh.runtime.render(fresh, "student_view").content
    assert "<p>Svara ärligt: 1 &lt; 4 &amp; inga svar är fel.</p>" in html
