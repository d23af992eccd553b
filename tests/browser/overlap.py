"""Two tabs of one learner sending to the same block at the same instant (issue 9 §2).

Shared by ``tests/browser/test_overlap.py`` and ``benchmarks/bench_overlap.py``. Both tabs are
pages of one browser context (one browser: same cookies, localStorage, Web Locks and
BroadcastChannel). For each pair the lead tab names an instant a few milliseconds ahead over a
BroadcastChannel; both tabs make their call at that instant through the block's own JavaScript
(``mode="queue"``) or straight to the handler (``mode="direct"``, what the page did before the
queue); when both calls are acknowledged the lead tab reads the learner's state back from the
server and counts the pairs in which an acknowledged write is missing.
"""
import itertools
import time

_learners = itertools.count()

#: Runs in both tabs: returns {pairs, lost, failed, overlapping}.
DRIVER = """async ([role, name, n]) => {
  const ch = new BroadcastChannel(name), inbox = [];
  let wake = null;
  ch.onmessage = (e) => { inbox.push(e.data); if (wake) { const w = wake; wake = null; w(); } };
  const next = async (type, i) => {
    for (;;) {
      const k = inbox.findIndex(m => m.type === type && m.i === i);
      if (k >= 0) { return inbox.splice(k, 1)[0]; }
      await new Promise(r => { wake = r; });
    }
  };
  const until = (at) => new Promise(r => setTimeout(r, Math.max(0, at - Date.now())));
  let lost = 0, failed = 0, overlapping = 0;
  for (let i = 0; i < n; i++) {
    let at;
    if (role === 'lead') { at = Date.now() + 15; ch.postMessage({type: 'go', i, at}); }
    else { at = (await next('go', i)).at; }
    await until(at);
    const started = Date.now();
    try { await window.__overlap.act(i, role); } catch (e) { failed += 1; }
    const ended = Date.now();
    if (role === 'lead') {
      const other = await next('done', i);
      if (other.started < ended && started < other.ended) { overlapping += 1; }
      lost += await window.__overlap.lost(i);
    } else { ch.postMessage({type: 'done', i, started, ended}); }
  }
  ch.close();
  return {pairs: n, lost, failed, overlapping};
}"""

#: video_lesson (scenario 0): two drafts, two answers, answer + draft, progress + answer.
VIDEO_LESSON = """(mode) => {
  const L = document.querySelector('.vl-block').vlLesson, VL = window.BemotandeVL;
  const url = (h) => L.server.runtime.handlerUrl(L.server.element, h);
  const send = (h, body, opts) => mode === 'queue' ? L.server.post(h, body, opts)
    : window.BemotandeHttp.postJson(url(h), body);
  const text = (i, role) => 'svar från flik ' + role + ' nummer ' + i;
  const draft = (id, t) => send('save_draft', {reflection_id: id, text: t}, {coalesce: 'draft:' + id});
  const answer = (id, t) => send('submit_reflection', {reflection_id: id, text: t});
  const progress = (i) => send('save_progress', {position: 1 + (i % 3), watched: [], duration: 40},
    {coalesce: 'progress', merge: VL.mergeProgress});
  const plans = [
    {lead: (i) => draft('forsta-motet', text(i, 'lead')), follow: (i) => draft('stod', text(i, 'follow')),
     ok: (s, i) => [s.drafts['forsta-motet'] === text(i, 'lead'), s.drafts['stod'] === text(i, 'follow')]},
    {lead: (i) => answer('forsta-motet', text(i, 'lead')), follow: (i) => answer('stod', text(i, 'follow')),
     ok: (s, i) => [(s.answers['forsta-motet'] || {}).text === text(i, 'lead'),
                    (s.answers['stod'] || {}).text === text(i, 'follow')]},
    {lead: (i) => answer('egna-erfarenheter', text(i, 'lead')), follow: (i) => draft('stod', text(i, 'follow')),
     ok: (s, i) => [(s.answers['egna-erfarenheter'] || {}).text === text(i, 'lead'),
                    s.drafts['stod'] === text(i, 'follow')]},
    {lead: (i) => progress(i), follow: (i) => answer('forsta-motet', text(i, 'follow')),
     ok: (s, i) => [s.position === 1 + (i % 3), (s.answers['forsta-motet'] || {}).text === text(i, 'follow')]},
  ];
  window.__overlap = {
    act: (i, role) => plans[i % plans.length][role](i),
    lost: async (i) => {
      const s = await fetch(url('student_view_user_state'), {credentials: 'same-origin'}).then(r => r.json());
      return plans[i % plans.length].ok(s, i).every(Boolean) ? 0 : 1;
    },
  };
  return L.server.queue ? window.BemotandeHttp.lockKind(L.server.queue.key) : 'none';
}"""

#: asylum_timeline (scenario 0, the default content): two steps viewed per pair.
TIMELINE = """(mode) => {
  const root = document.querySelector('.at-block'), server = root.atServer;
  const url = (h) => server.url(h);
  const ids = Array.from(new Set(Array.from(root.querySelectorAll('[data-step]'))
    .map(e => e.getAttribute('data-step'))));
  const view = (id) => mode === 'queue' ? server.viewStep(id)
    : window.BemotandeHttp.postJson(url('view_step'), {step_id: id});
  window.__overlap = {
    steps: ids.length,
    act: (i, role) => view(ids[2 * i + (role === 'lead' ? 0 : 1)]),
    lost: async (i) => {
      const s = await fetch(url('student_view_user_state'), {credentials: 'same-origin'}).then(r => r.json());
      return s.viewed.includes(ids[2 * i]) && s.viewed.includes(ids[2 * i + 1]) ? 0 : 1;
    },
  };
  return ids.length;
}"""


def learner(prefix):
    return "{}-{}-{}".format(prefix, int(time.time() * 1000) % 10**8, next(_learners))


def _open(page, base, scenario, who, ready):
    page.goto("{}/scenario/{}/?student={}".format(base, scenario, who))
    page.wait_for_function(ready)


def run_pairs(context, base, block, pairs, mode):
    """Run ``pairs`` overlapping pairs in two new tabs of ``context``; returns the summed results."""
    total = {"pairs": 0, "lost": 0, "failed": 0, "overlapping": 0, "lock": None}
    per_learner = pairs if block == "video_lesson" else 17   # the default timeline has 34 steps
    done = 0
    while done < pairs:
        n = min(per_learner, pairs - done)
        who = learner("overlap")
        lead, follow = context.new_page(), context.new_page()
        for page in (lead, follow):
            if block == "video_lesson":
                _open(page, base, "video_lesson.0", who,
                      "() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
                total["lock"] = page.evaluate(VIDEO_LESSON, mode)
            else:
                _open(page, base, "asylum_timeline.0", who,
                      "() => { const r = document.querySelector('.at-block'); return r && r.atServer; }")
                assert page.evaluate(TIMELINE, mode) >= 2 * n
                total["lock"] = page.evaluate("() => BemotandeHttp.lockKind(document.querySelector('.at-block')"
                                              ".atServer.queue.key)")
        name = "overlap-" + who
        follow.evaluate("([d, a]) => { window.__run = (0, eval)('(' + d + ')')(a); }", [DRIVER, ["follow", name, n]])
        result = lead.evaluate(DRIVER, ["lead", name, n])
        follower = follow.evaluate("() => window.__run")
        for key in ("pairs", "lost", "failed", "overlapping"):
            total[key] += result[key]
        total["failed"] += follower["failed"]
        lead.close()
        follow.close()
        done += n
    return total
