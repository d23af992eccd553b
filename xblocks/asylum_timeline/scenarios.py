"""Workbench scenarios: 0 default content, 1 a small custom timeline, 2 quizzes only.

With ``BEMOTANDE_TEST_SCENARIOS=1`` in the environment, test-only scenarios follow (3 an XSS
payload corpus, 4 a 200-step synthetic timeline, 5 a copy of 1 that editor tests may save to);
the demo site does not list them.
"""
import os
from xml.sax.saxutils import quoteattr

SMALL = """<asylum_timeline display_name="Ensamkommande barn: de första veckorna" reviewed="2026-06-25" lang="sv">
  <actor id="migrationsverket" name="Migrationsverket" color="#1f5fa8"/>
  <actor id="overformyndare" name="Överförmyndaren" color="#7a4e9c"/>
  <actor id="godman" name="God man" color="#1a7f5a"/>
  <actor id="kommun" name="Kommunen (socialtjänsten)" color="#b5540b"/>
  <path id="ensamkommande" title="Ensamkommande barn"/>
  <phase id="forsta" title="De första dagarna">
    <step id="ansokan" actors="migrationsverket" when="Dag 1" paths="ensamkommande">
      <title>Barnet söker asyl</title>
      <description><p>Migrationsverket tar emot ansökan och ser till att ett offentligt biträde
        förordnas.</p></description>
      <seeker><p>Barnet får information anpassad efter ålder och mognad.</p></seeker>
      <source checked="odaterad"
              href="https://www.migrationsverket.se/Andra-aktorer/Gode-man/Olika-myndigheters-ansvar.html"
        >Migrationsverket: Olika myndigheters ansvar</source>
    </step>
    <step id="godman" actors="overformyndare godman" when="Inom 2–3 dagar" paths="ensamkommande">
      <title>En god man utses</title>
      <description><p>Överförmyndaren utser en god man som företräder barnet i stället för
        föräldrarna.</p></description>
      <seeker><p>Barnet får en vuxen som för hens talan i personliga, rättsliga och ekonomiska
        frågor.</p></seeker>
      <source href="https://lagen.nu/2005:429" checked="odaterad"
        >Lag (2005:429) om god man för ensamkommande barn</source>
    </step>
  </phase>
  <phase id="boende" title="Boende och vardag">
    <step id="placering" actors="kommun" when="Första veckorna" paths="ensamkommande">
      <title>Kommunen ordnar boende</title>
      <description><p>Socialtjänsten utreder barnets behov och beslutar om placering, till exempel
        i familjehem.</p></description>
      <seeker><p>Barnet flyttar till ett boende och börjar i skolan.</p></seeker>
      <source checked="odaterad"
              href="https://www.lansstyrelsen.se/halland/samhalle/social-hallbarhet/integration/ensamkommande-barn.html"
        >Länsstyrelsen: Ensamkommande barn</source>
    </step>
  </phase>
  <quiz>
    <order steps="ansokan godman placering" prompt="I vilken ordning sker stegen?"/>
  </quiz>
</asylum_timeline>"""

QUIZ_ONLY = """<asylum_timeline display_name="Testa dig själv: vem gör vad?" quiz_only="true" lang="sv">
  <actor id="polisen" name="Polisen"/>
  <actor id="migrationsverket" name="Migrationsverket"/>
  <actor id="domstol" name="Migrationsdomstolen"/>
  <phase id="process" title="Processen">
    <step id="grans" actors="polisen"><title>Vid gränsen</title></step>
    <step id="ansokan" actors="migrationsverket"><title>Ansökan registreras</title></step>
    <step id="beslut" actors="migrationsverket"><title>Beslut</title></step>
    <step id="overklagande" actors="domstol"><title>Överklagandet prövas</title></step>
  </phase>
  <quiz>
    <order steps="grans ansokan beslut overklagande" prompt="Ordna stegen från ankomst till överklagande."/>
    <match steps="grans ansokan overklagande" prompt="Vem ansvarar för steget?"/>
  </quiz>
</asylum_timeline>"""

#: Payloads that must execute nothing (titles, descriptions, actor names and links).
XSS_PAYLOADS = (
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=1\">",
    "\"><svg onload=\"window.__xss=1\">",
    "'><iframe src=\"javascript:window.__xss=1\"></iframe>",
    "</li></ol><script>window.__xss=1</script>",
)


def xss_scenario():
    """A timeline whose every author-controlled text carries an XSS payload."""
    payload = " ".join(XSS_PAYLOADS)
    attr = quoteattr(payload)
    # Rich text is real markup in OLX, so the payloads go in as elements, not as escaped text.
    rich = ('<p>Text<img src="x" onerror="window.__xss=1"/><a href="javascript:window.__xss=1">länk</a>'
            '<script>window.__xss=1</script><span style="x" onclick="window.__xss=1">klick</span></p>')
    return """<asylum_timeline display_name={attr} reviewed="2026-06-25">
  <actor id="a" name={attr} color="#123456"><description>{rich}</description></actor>
  <actor id="b" name="Andra"/>
  <path id="p" title={attr}/>
  <phase id="f" title={attr}>
    <step id="s1" actors="a b" when={attr} paths="p">
      <title>{text}</title>
      <description>{rich}</description>
      <seeker>{rich}</seeker>
      <source href="javascript:window.__xss=1" checked="2026">{text}</source>
      <source href="https://example.org/&quot;onmouseover=&quot;window.__xss=1" checked="odaterad">{text}</source>
      <outcome to="s2" label={attr}/>
    </step>
    <step id="s2" actors="b"><title>{text}</title></step>
  </phase>
  <quiz>
    <order steps="s1 s2" prompt={attr}/>
    <match steps="s1 s2" prompt={attr}/>
  </quiz>
</asylum_timeline>""".format(attr=attr, rich=rich, text=_escape(payload))


def synthetic(steps=200, actors=12, phases=10):
    """A large generated timeline (benchmarks and stress tests)."""
    parts = ['<asylum_timeline display_name="Syntetisk tidslinje ({} steg)" lang="sv">'.format(steps)]
    for a in range(actors):
        parts.append('<actor id="a{0}" name="Aktör {0}" color="#{1:02x}4a7a"/>'.format(a, 40 + a * 12))
    parts.append('<path id="p0" title="Väg A"/><path id="p1" title="Väg B"/>')
    per_phase = max(1, steps // phases)
    for number in range(steps):
        if number % per_phase == 0:
            if number:
                parts.append("</phase>")
            parts.append('<phase id="f{0}" title="Fas {0}">'.format(number // per_phase + 1))
        who = " ".join("a{}".format((number + k) % actors) for k in range(1 + number % 3))
        parts.append(
            '<step id="s{0}" actors="{1}" when="Dag {0}" paths="p{2}"><title>Steg {0}</title>'
            "<description><p>Vad myndigheten gör i steg {0}.</p></description>"
            "<seeker><p>Vad personen upplever i steg {0}.</p></seeker>"
            '<source href="https://example.org/{0}" checked="2026-01-01">Källa {0}</source></step>'.format(
                number, who, number % 2))
    parts.append("</phase>")
    quiz = " ".join("s{}".format(n) for n in range(0, min(steps, 6)))
    parts.append('<quiz><order steps="{0}"/><match steps="{0}"/></quiz>'.format(quiz))
    parts.append("</asylum_timeline>")
    return "\n".join(parts)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def scenarios():
    """``(title, OLX)`` pairs for the workbench (developer-facing titles, not translated)."""
    found = [
        ("asylum_timeline: default content (the Swedish asylum process)", "<asylum_timeline/>"),
        ("asylum_timeline: a small custom timeline", SMALL),
        ("asylum_timeline: quizzes only", QUIZ_ONLY),
    ]
    if os.environ.get("BEMOTANDE_TEST_SCENARIOS") == "1":
        found += [("asylum_timeline: test: XSS payloads", xss_scenario()),
                  ("asylum_timeline: test: 200 steps", synthetic()),
                  ("asylum_timeline: test: editor sandbox", SMALL)]
    return found
