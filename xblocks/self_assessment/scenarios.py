"""Workbench scenarios: 0 course start (before), 1 before and after on one page (the comparison),
2 course end (after, same series as 0), 3 hostile content (security check), 4 a copy of 0 that editor
tests may save to."""

START = """<self_assessment display_name="Självskattning vid kursstart" series="kursen" role="before">
  <intro><p>Hur trygg känner du dig i de här situationerna i dag? Det finns inga rätta svar.</p></intro>
  <level value="1">Mycket osäker</level>
  <level value="2">Ganska osäker</level>
  <level value="3">Ganska trygg</level>
  <level value="4">Mycket trygg</level>
  <statement key="asylprocessen">
    <text>Att i stora drag förklara asylprocessen, från ansökan till beslut och det som händer sedan.</text>
    <guidance><p>Modul 2 går igenom processen steg för steg.</p></guidance>
  </statement>
  <statement key="tolk">
    <text>Att leda ett samtal med hjälp av tolk.</text>
    <guidance><p>Modul 5 handlar om samtal med tolk.</p></guidance>
  </statement>
  <statement key="hanvisa">
    <text>Att veta vart jag hänvisar någon som behöver stöd, vård eller skydd.</text>
  </statement>
</self_assessment>"""

END = START.replace('display_name="Självskattning vid kursstart"', 'display_name="Självskattning vid kursslut"') \
    .replace('role="before"', 'role="after"')

PAIR = """<vertical_demo>
{}
{}
</vertical_demo>""".format(START.replace("kursen", "demo-par"), END.replace("kursen", "demo-par"))

_PAYLOAD = "\"'><script>alert('x')</script><img src=x onerror=alert('x')>"
_ATTR = _PAYLOAD.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
HOSTILE = """<self_assessment display_name="{a}" series="xss" role="before">
  <intro>Intro <script>alert('intro')</script><img src="x" onerror="alert('i')"/></intro>
  <level value="1">{a}</level>
  <level value="2">Två</level>
  <statement key="xss"><text>{a}</text>
    <guidance>Svar <iframe src="javascript:alert('g')"></iframe><a href="javascript:alert(1)">länk</a></guidance>
  </statement>
</self_assessment>""".format(a=_ATTR)

SCENARIOS = [
    ("self_assessment: at the start of the course", START),
    ("self_assessment: before and after on one page", PAIR),
    ("self_assessment: at the end of the course", END),
    ("self_assessment: hostile content (security check)", HOSTILE),
    ("self_assessment: editor test copy", START.replace("kursen", "redigering")),
]
