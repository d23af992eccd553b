"""The support box (stödruta) of the module intros, written from one data file.

``course_export/support-lines.json`` holds every support line once (service, number, one-line
description, source key) and which pages show which lines: ``every_page`` on all of them, plus
``pages[<page>]`` for that page. ``scripts/sync_support.py`` writes the box into
``html/<page>.html`` between the marker comments :data:`START` and :data:`END`; the committed HTML
stays complete, because Studio imports it as it is. :func:`problems` is the course build's check
that every page still shows what the data file gives.
"""
import html
import json
import os
import re

DATA = "support-lines.json"
START = "<!-- stodruta: skrivs av scripts/sync_support.py ur support-lines.json, ändra där -->"
END = "<!-- /stodruta -->"
_BOX = re.compile(re.escape(START) + r"\n(.*?)" + re.escape(END), re.DOTALL)
_BOX_CLASS = re.compile(r"""class=["']stodruta["']""")
NO_DATE = "datum saknas"
_SHAPE = {"heading": str, "sources": dict, "lines": list, "every_page": list, "pages": dict}


class SupportDataError(ValueError):
    """support-lines.json is malformed or refers to something it does not define."""


def load(course):
    """The parsed data file of ``course``, or None if the course has none; raise SupportDataError."""
    path = os.path.join(course, DATA)
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except ValueError as exc:
        raise SupportDataError("not valid JSON: {}".format(exc)) from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), t) for k, t in _SHAPE.items()):
        shape = ", ".join('"{}" ({})'.format(k, t.__name__) for k, t in _SHAPE.items())
        raise SupportDataError("needs {}".format(shape))
    lines = {line.get("id"): line for line in data["lines"]}
    sources = data["sources"]
    for key, source in sources.items():
        if not isinstance(source, dict) or not isinstance(source.get("name"), str):
            raise SupportDataError("source {} has no name".format(key))
    for line in data["lines"]:
        for key in ("id", "service", "number", "text", "source"):
            if not isinstance(line.get(key), str) or not line[key].strip():
                raise SupportDataError("line {!r} has no {}".format(line.get("id"), key))
        if line["source"] not in sources:
            raise SupportDataError("line {!r} cites {}, which \"sources\" does not define".format(
                line["id"], line["source"]))
    for page, ids in [("every_page", data["every_page"])] + sorted(data["pages"].items()):
        unknown = [i for i in ids if i not in lines]
        if unknown:
            raise SupportDataError("{} lists unknown lines: {}".format(page, ", ".join(unknown)))
    return data


def page_lines(data, page):
    """The lines ``page`` shows, in the data file's order."""
    wanted = set(data.get("every_page", [])) | set(data["pages"][page])
    return [line for line in data["lines"] if line["id"] in wanted]


def box_html(data, page):
    """The box markup for ``page`` (markers excluded), ending with a newline."""
    lines = page_lines(data, page)
    cited = []
    for line in lines:
        if line["source"] not in cited:
            cited.append(line["source"])
    out = ['<div class="stodruta">', "<h4>{}</h4>".format(html.escape(data["heading"])), "<ul>"]
    out += ["<li><strong>{} {}</strong> – {}</li>".format(html.escape(line["service"]), html.escape(line["number"]),
                                                          html.escape(line["text"]))
            if line["service"] != line["number"] else
            "<li><strong>{}</strong> – {}</li>".format(html.escape(line["number"]), html.escape(line["text"]))
            for line in lines]
    refs = ["{} [{}; {}]".format(html.escape(data["sources"][key]["name"]), key,
                                 html.escape(data["sources"][key].get("date") or NO_DATE)) for key in cited]
    note = " " + html.escape(data["note"]) if data.get("note") else ""
    out += ["</ul>", "<p><small>{}: {}.{}</small></p>".format("Källor" if len(refs) > 1 else "Källa",
                                                              "; ".join(refs), note), "</div>"]
    return "\n".join(out) + "\n"


def page_path(course, page):
    return os.path.join(course, "html", page + ".html")


def write(course, data=None):
    """Rewrite the box of every listed page; returns the pages whose file changed.

    Every page is checked before any is written, so a page without markers changes no file.
    """
    data = data or load(course)
    updates = []
    for page in sorted(data["pages"]):
        with open(page_path(course, page), encoding="utf-8") as handle:
            text = handle.read()
        if len(_BOX.findall(text)) != 1:
            raise SupportDataError("html/{}.html needs exactly one pair of support box markers ({} … {})".format(
                page, START, END))
        box = START + "\n" + box_html(data, page) + END
        new = _BOX.sub(lambda _m, box=box: box, text)
        if new != text:
            updates.append((page, new))
    for page, new in updates:
        with open(page_path(course, page), "w", encoding="utf-8") as handle:
            handle.write(new)
    return [page for page, _new in updates]


def problems(course):
    """(file, message) for every page whose box differs from the data file (empty = in sync)."""
    try:
        data = load(course)
    except SupportDataError as exc:
        return [(DATA, str(exc))]
    if data is None:
        return []
    found = []
    for page in sorted(data["pages"]):
        relative = "html/{}.html".format(page)
        if not os.path.isfile(page_path(course, page)):
            found.append((DATA, "lists {}, which does not exist".format(relative)))
            continue
        with open(page_path(course, page), encoding="utf-8") as handle:
            boxes = _BOX.findall(handle.read())
        if len(boxes) != 1:
            found.append((relative, "needs exactly one support box between {} and {} (has {})".format(
                START, END, len(boxes))))
        elif boxes[0] != box_html(data, page):
            found.append((relative, "the support box differs from {}: edit the data file and run "
                                    "scripts/sync_support.py".format(DATA)))
    html_dir = os.path.join(course, "html")
    for name in sorted(os.listdir(html_dir)) if os.path.isdir(html_dir) else []:
        if name.endswith(".html") and name[:-5] not in data["pages"]:
            with open(os.path.join(html_dir, name), encoding="utf-8") as handle:
                if _BOX_CLASS.search(handle.read()):
                    found.append(("html/" + name, "has a support box that {} does not list: add the page "
                                                  "under \"pages\" there".format(DATA)))
    return found
