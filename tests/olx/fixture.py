"""A small but complete course folder, written fresh for each test, that breaks on request."""
import json
import os

FILES = {
    "course.xml": '<course url_name="2026" org="Bemotande" course="T1"/>\n',
    "course/2026.xml": '<course display_name="Testkurs" language="sv" start="2026-01-01T00:00:00Z" '
                      'course_image="bild.png">\n  <chapter url_name="m1"/>\n</course>\n',
    "chapter/m1.xml": '<chapter display_name="Modul 1">\n  <sequential url_name="m1-intro"/>\n'
                      '  <sequential url_name="m1-check"/>\n</chapter>\n',
    "sequential/m1-intro.xml": '<sequential display_name="Introduktion">\n  <vertical url_name="m1-u1"/>\n'
                               '</sequential>\n',
    "sequential/m1-check.xml": '<sequential display_name="Kunskapskoll" graded="true" format="Kunskapskoll">\n'
                               '  <vertical url_name="m1-u2"/>\n</sequential>\n',
    "vertical/m1-u1.xml": '<vertical display_name="Välkommen">\n  <html url_name="m1-intro-text"/>\n'
                          '  <discussion url_name="m1-disk" discussion_id="m1-disk" discussion_category="Modul 1"'
                          ' discussion_target="Diskussion"/>\n</vertical>\n',
    "vertical/m1-u2.xml": '<vertical display_name="Frågor">\n  <problem url_name="m1-q1"/>\n</vertical>\n',
    "html/m1-intro-text.xml": '<html filename="m1-intro-text" display_name="Introduktion"/>\n',
    "html/m1-intro-text.html": '<p>Hej och välkommen.</p>\n<img src="/static/images/bild.png" alt="En bild"/>\n',
    "problem/m1-q1.xml": '<problem display_name="Fråga 1" max_attempts="2" weight="1">\n'
                         '  <multiplechoiceresponse>\n    <label>Vem fattar beslut om asyl?</label>\n'
                         '    <choicegroup type="MultipleChoice">\n'
                         '      <choice correct="true">Migrationsverket</choice>\n'
                         '      <choice correct="false">Polisen</choice>\n'
                         '    </choicegroup>\n  </multiplechoiceresponse>\n</problem>\n',
    "policies/2026/policy.json": json.dumps({"course/2026": {
        "advanced_modules": ["video_lesson", "asylum_timeline"], "display_name": "Testkurs",
        "language": "sv", "rerandomize": "never", "showanswer": "finished"}}, indent=2, sort_keys=True) + "\n",
    "policies/2026/grading_policy.json": json.dumps({
        "GRADER": [{"type": "Kunskapskoll", "min_count": 1, "drop_count": 0, "short_label": "KK",
                    "weight": 1.0}], "GRADE_CUTOFFS": {"Pass": 0.6}}, indent=2, sort_keys=True) + "\n",
    "policies/assets.json": "{}\n",
    "manuscripts/01-x.md": "source only, not packaged\n",
}
STATIC = {"static/images/bild.png": b"\x89PNG\r\n\x1a\n fake but present"}


def write_course(root, changes=None, remove=()):
    """Write the fixture course into ``root`` with ``changes`` {path: text} applied and ``remove`` deleted."""
    files = dict(FILES)
    files.update(changes or {})
    for path in remove:
        files.pop(path, None)
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)
    for path, data in STATIC.items():
        if path in remove:
            continue
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(data)
    return str(root)


def read_tree(root):
    """Every file under ``root``: {relative path: bytes}."""
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                out[os.path.relpath(path, root)] = handle.read()
    return out
