"""Write the course's asylum_timeline units from the block's default content.

- ``asylprocessen-tidslinje``: an empty ``<asylum_timeline/>``, i.e. the whole default content.
- ``mottagandet-vem-gor-vad`` (module 3): only the reception phases (waiting time and the first
  days of unaccompanied children), with a "who is responsible?" quiz on their steps.

Run it after the default content changes; the course build validates the result like any OLX.
"""
import copy
import os
import sys

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path[:0] = [p for p in (REPO,) if p not in sys.path]

from xblocks.common.xmlsafe import parse_xml  # noqa: E402

DEFAULT = os.path.join(REPO, "xblocks", "asylum_timeline", "default_content.xml")
OUT = os.path.join(REPO, "course_export", "asylum_timeline")
RECEPTION_PHASES = ("ensamkommande-barn", "vantetid")
RECEPTION_MATCH = "god-man-utses anvisningskommun boende halsa skola tidiga-insatser"


def reception_timeline(default):
    """The reception part of ``default`` as its own timeline element with a match quiz."""
    root = etree.Element("asylum_timeline", display_name="Mottagandet – vem gör vad under väntetiden?")
    if default.get("reviewed"):
        root.set("reviewed", default.get("reviewed"))
    phases = [p for p in default.findall("phase") if p.get("id") in RECEPTION_PHASES]
    steps = {s.get("id") for p in phases for s in p.findall("step")}
    actors = {a for p in phases for s in p.findall("step") for a in s.get("actors", "").split()}
    paths = {x for p in phases for s in p.findall("step") for x in s.get("paths", "").split()}
    for actor in default.findall("actor"):
        if actor.get("id") in actors:
            root.append(copy.deepcopy(actor))
    for path in default.findall("path"):
        if path.get("id") in paths:
            root.append(copy.deepcopy(path))
    for phase in phases:
        phase = copy.deepcopy(phase)
        for outcome in phase.iter("outcome"):
            if outcome.get("to") not in steps:
                outcome.getparent().remove(outcome)
        root.append(phase)
    missing = set(RECEPTION_MATCH.split()) - steps
    if missing:
        raise SystemExit("sync_timelines: steps not in the reception phases: {}".format(sorted(missing)))
    quiz = etree.SubElement(root, "quiz")
    etree.SubElement(quiz, "match", steps=RECEPTION_MATCH,
                     prompt="Vem har huvudansvaret för varje del av mottagandet?")
    etree.indent(root, space="  ")
    return root


def main():
    with open(DEFAULT, "rb") as handle:
        default = parse_xml(handle.read(), "xblocks/asylum_timeline/default_content.xml")
    os.makedirs(OUT, exist_ok=True)
    files = {
        "asylprocessen-tidslinje.xml": etree.Element("asylum_timeline", display_name="Asylprocessen steg för steg"),
        "mottagandet-vem-gor-vad.xml": reception_timeline(default),
    }
    for name, element in files.items():
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(etree.tostring(element, encoding="utf-8") + b"\n")
    print("timelines written:", ", ".join(sorted(files)))


if __name__ == "__main__":
    main()
