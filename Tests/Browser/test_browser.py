#!/usr/bin/env python3
"""Real-browser tests of the demo portal: search, list filters, pages without JavaScript, layout at
every screen size, and axe.

    python3 Tests/Browser/test_browser.py [--site DIR] [--big-site DIR]

Builds the demo organisation (as of 2026-11-29) with the debug binary into a temporary folder unless
--site names a built site, serves it with `python3 -m http.server` on a free loopback port, and drives
Debian's headless Chromium through chromedriver with Selenium. One check runs from file://, one with
JavaScript turned off. axe-core comes bundled with axe-selenium-python, so nothing is fetched at run
time. Prints one line per check and ends with "browser: N passed, N failed"; exits 1 on any failure.

The layout checks run at 390, 768, 1366 and 1920 px on every page kind of the demo and of a generated
1,000-objective organisation: no page scrolls sideways, no text is clipped by `overflow: hidden` (or cut
with an ellipsis without a title), axe finds nothing serious or critical. The large site is generated
with the benchmark generator (GEN_ORG, default ../shared/bench/gen_org.py beside the checkout, as
scripts/bench.sh uses it) unless --big-site names a built one; without either, those checks say
"skipped" rather than pass.
"""
import contextlib, json, os, shutil, socket, subprocess, sys, tempfile, time, traceback, urllib.parse, urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from axe_core_python.selenium import Axe

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AS_OF = "2026-11-29"
GEN_ORG = os.environ.get("GEN_ORG", os.path.join(ROOT, "..", "shared", "bench", "gen_org.py"))

# The screen sizes every page must work at: a phone, a tablet, a laptop, a desktop.
WIDTHS = [390, 768, 1366, 1920]
# One page of every kind the demo has (docs/theming.md lists the kinds).
DEMO_PAGES = [
    ("home", "index.html"),
    ("cascade", "cascade/2026-Q4.html"),
    ("map", "map/2026-Q4.html"),
    ("teams", "teams/index.html"),
    ("team", "teams/marketing.html"),
    ("objective", "objectives/px5-bekanntheit-q4.html"),
    ("objective (graded)", "objectives/website-relaunch-q3.html"),
    ("objective (forecast)", "objectives/lieferfaehigkeit-q4.html"),
    ("objective (needs another team)", "objectives/automotive-neukunden-q4.html"),
    ("objective (helps other teams)", "objectives/fertigungsleiter-erreichen-q4.html"),
    ("people", "people/index.html"),
    ("person", "people/lena-hartmann.html"),
    ("periods", "periods/index.html"),
    ("period", "periods/2026-Q4.html"),
    ("period (graded)", "periods/2026-Q3.html"),
    ("health", "health/2026-Q4.html"),
    ("changes", "changes.html"),
    ("search", "search/index.html?q=PX-5"),
    ("help", "help.html"),
    ("weekly", "weekly/marketing.html"),
    ("404", "404.html"),
]

# Pages axe checks, and the impacts that fail a page.
AXE_PAGES = [
    ("home", "index.html"),
    ("cascade", "cascade/2026-Q4.html"),
    ("objective", "objectives/social-media-reichweite-q4.html"),
    ("team", "teams/marketing.html"),
    ("person", "people/lena-hartmann.html"),
    ("search", "search/index.html?q=Reichweite"),
    ("health", "health/2026-Q4.html"),
    ("period with filters", "periods/2026-Q4.html"),
]
AXE_PAGES += [("help", "help.html"), ("map", "map/2026-Q4.html"), ("changes", "changes.html"),
              ("periods", "periods/index.html"), ("graded period", "periods/2026-Q3.html"),
              ("weekly", "weekly/social-media.html"),
              ("objective with dependencies", "objectives/automotive-neukunden-q4.html"),
              ("objective others depend on", "objectives/fertigungsleiter-erreichen-q4.html")]
# Forecasts (issue 16): key results with projections (the graded period above has the back-test).
AXE_PAGES += [("objective (forecast)", "objectives/lieferfaehigkeit-q4.html")]
AXE_FAILING = {"serious", "critical"}
# axe rules turned off, each with the reason (docs/search.md repeats them). None so far.
AXE_DISABLED = {}


# In the page: the document's width against the window's, every element whose overflow hides text
# (scrollWidth or scrollHeight beyond its box by more than 1 px) or cuts it with an ellipsis that no
# title repeats, every box but the map's that scrolls sideways inside the page, and anything that
# sticks out of its card. Screen-reader-only elements (1 px boxes, `.visually-hidden`) are hidden by design.
LAYOUT_JS = """
var out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, clipped: []};
var all = document.body.getElementsByTagName('*');
for (var i = 0; i < all.length && out.clipped.length < 5; i++) {
  var e = all[i];
  if (!e.getClientRects().length) continue;
  var s = getComputedStyle(e);
  var hides = /hidden|clip/.test(s.overflowX + ' ' + s.overflowY);
  var ellipsis = s.textOverflow === 'ellipsis' && !e.title;
  // A box that scrolls sideways inside the page hides its right part just the same; only the
  // alignment map (a drawing) may.
  var scrolls = /auto|scroll/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1 && !e.closest('.map-wrap');
  if (scrolls) {
    out.clipped.push(e.tagName.toLowerCase() + '.' + (typeof e.className === 'string' ? e.className : '') +
      ' scrolls sideways: ' + e.scrollWidth + ' px in ' + e.clientWidth);
    continue;
  }
  if (!hides && !ellipsis) continue;
  if (e.clientWidth <= 1 || e.clientHeight <= 1) continue;
  if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) {
    var cls = typeof e.className === 'string' ? e.className : '';
    out.clipped.push(e.tagName.toLowerCase() + (cls ? '.' + cls.split(' ').join('.') : '') + ' ' +
      e.scrollWidth + 'x' + e.scrollHeight + ' in ' + e.clientWidth + 'x' + e.clientHeight + ': ' +
      (e.textContent || '').trim().slice(0, 50));
  }
}
var wide = [];
for (var j = 0; j < all.length && wide.length < 3; j++) {
  var r = all[j].getBoundingClientRect();
  var p = all[j].parentElement.getBoundingClientRect();
  if (r.right > window.innerWidth + 1 && p.right <= window.innerWidth + 1) {
    wide.push(all[j].tagName.toLowerCase() + '.' + (typeof all[j].className === 'string' ? all[j].className : '') +
      ' ends at ' + Math.round(r.right) + ' px');
  }
}
out.wide = wide;
// Nothing sticks out of its card (a badge pushed past the border reads as broken even when the page
// does not scroll): the first 200 cards, every element inside.
var cards = document.querySelectorAll('.card');
for (var c = 0; c < cards.length && c < 200 && out.clipped.length < 5; c++) {
  var box = cards[c].getBoundingClientRect();
  if (!box.width) continue;
  var inner = cards[c].getElementsByTagName('*');
  for (var k = 0; k < inner.length; k++) {
    var ir = inner[k].getBoundingClientRect();
    if (ir.width && (ir.right > box.right + 1 || ir.left < box.left - 1)) {
      out.clipped.push(inner[k].tagName.toLowerCase() + '.' + (typeof inner[k].className === 'string' ? inner[k].className : '') +
        ' sticks out of its card by ' + Math.round(Math.max(ir.right - box.right, box.left - ir.left)) + ' px: ' +
        (inner[k].textContent || '').trim().slice(0, 40));
      break;
    }
  }
}
return out;
"""


def generate_big_site():
    """A 1,000-objective organisation built into a temporary folder, or None without the generator."""
    if not os.path.exists(GEN_ORG):
        return None, None
    out = tempfile.mkdtemp(prefix="okrportal-browser-big-")
    subprocess.run([sys.executable, GEN_ORG, "--objectives", "1000", os.path.join(out, "org")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([os.path.join(ROOT, ".build", "debug", "okrportal"), "build", os.path.join(out, "org"), "--as-of",
                    AS_OF, "--output", os.path.join(out, "site")], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return out, os.path.join(out, "site")


def big_site_pages(site):
    """One page of every kind of a generated site, found in its folders (the generator names things)."""
    def first(folder, skip=("index.html",)):
        names = sorted(n for n in os.listdir(os.path.join(site, folder)) if n.endswith(".html") and n not in skip)
        return f"{folder}/{names[0]}" if names else None
    period = first("periods")
    pages = [("home", "index.html"), ("cascade", first("cascade")), ("map", first("map")),
             ("teams", "teams/index.html"), ("team (company)", "teams/company.html"),
             ("team", first("teams", skip=("index.html", "company.html"))),
             ("objective", first("objectives")), ("people", "people/index.html"), ("person", first("people")),
             ("periods", "periods/index.html"), ("period", period), ("health", first("health")),
             ("changes", "changes.html"), ("search", "search/index.html?q=team"), ("help", "help.html"),
             ("weekly", first("weekly")), ("404", "404.html")]
    parts = [d for d in sorted(os.listdir(os.path.join(site, "cascade"))) if os.path.isdir(os.path.join(site, "cascade", d))]
    if parts:
        part = first(f"cascade/{parts[0]}", skip=())
        if part:
            pages.append(("cascade part", part))
    return [(n, p) for n, p in pages if p]


def build_site():
    out = tempfile.mkdtemp(prefix="okrportal-browser-")
    subprocess.run(["swift", "build", "--product", "okrportal"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([os.path.join(ROOT, ".build", "debug", "okrportal"), "build", ROOT, "--as-of", AS_OF,
                    "--output", os.path.join(out, "site")], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return out, os.path.join(out, "site")


@contextlib.contextmanager
def serve(directory):
    """`python3 -m http.server` on a free port of 127.0.0.1, stopped afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", directory], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "index.html", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("the HTTP server did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def chromium(javascript=True):
    options = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--lang=de-DE"):
        options.add_argument(a)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # Debian's chromedriver, named explicitly so Selenium Manager never tries to download one.
    d = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    d.set_page_load_timeout(30)
    return d


class Checks:
    def __init__(self, driver, base, site):
        self.d = driver
        self.base = base
        self.site = site

    def wait(self, condition, message, timeout=5):
        try:
            return WebDriverWait(self.d, timeout).until(lambda d: condition())
        except TimeoutException:
            raise AssertionError(message)

    def results(self):
        return [(a.text, a.get_attribute("href")) for a in self.d.find_elements(By.CSS_SELECTOR, "#search-results a")]

    def search_page(self, query, base=None):
        self.d.get((base or self.base) + "search/index.html?q=" + urllib.parse.quote(query))
        self.wait(lambda: self.d.find_element(By.ID, "search-status").text.strip(), f"no search status for {query!r}")
        return self.results()

    def visible(self, css):
        return [e for e in self.d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    # Search

    def test_search_finds_objective_by_title_word_and_opens_it(self):
        hits = self.search_page("Reichweite")
        target = [h for h in hits if h[1].endswith("objectives/social-media-reichweite-q4.html")]
        assert target, f"objective not found by a word of its title: {hits}"
        assert "Ziel" in self.d.find_element(By.ID, "search-results").text
        self.d.find_element(By.CSS_SELECTOR, "#search-results a[href$='social-media-reichweite-q4.html']").click()
        self.wait(lambda: self.d.current_url.endswith("objectives/social-media-reichweite-q4.html"), "did not navigate")
        assert target[0][0] in self.d.find_element(By.TAG_NAME, "h1").text

    def test_search_finds_key_result_and_lands_on_its_row(self):
        # Typed, not passed in the URL: the results follow the input.
        self.d.get(self.base + "search/index.html")
        box = self.wait(lambda: self.d.find_element(By.ID, "search-q"), "no search field")
        self.wait(lambda: box.is_displayed(), "the search form stays hidden with JavaScript on")
        box.send_keys("Follower LinkedIn")
        self.wait(lambda: any("#kr-" in (h[1] or "") for h in self.results()), "no key result found by its title")
        link = next(a for a in self.d.find_elements(By.CSS_SELECTOR, "#search-results a") if "#kr-" in a.get_attribute("href"))
        href = link.get_attribute("href")
        assert "objectives/social-media-reichweite-q4.html#kr-kr1" in href, href
        link.click()
        self.wait(lambda: "#kr-kr1" in self.d.current_url, "did not navigate to the key result")
        row = self.d.find_element(By.ID, "kr-kr1")
        assert "LinkedIn" in row.text, row.text

    def test_search_finds_by_owner(self):
        hits = self.search_page("Lena Hartmann")
        hrefs = [h[1] for h in hits]
        assert any(h.endswith("people/lena-hartmann.html") for h in hrefs), hrefs
        assert any("/objectives/" in h for h in hrefs), f"no objective owned by Lena Hartmann: {hrefs}"
        assert "Treffer" in self.d.find_element(By.ID, "search-status").text

    def test_search_ignores_case_and_accents(self):
        # "FACHKRAFTE": upper case and without the umlaut, still "Fachkräfte für Montage …".
        hits = self.search_page("FACHKRAFTE")
        assert any(h[1].endswith("objectives/fachkraefte-q4.html") for h in hits), hits
        assert self.search_page("Fachkräfte")[:1] == hits[:1]

    def test_header_search_box_leads_to_results(self):
        self.d.get(self.base + "teams/marketing.html")
        box = self.d.find_element(By.ID, "site-search-q")
        box.send_keys("Messe")
        box.send_keys(Keys.ENTER)
        self.wait(lambda: "search/index.html?q=Messe" in self.d.current_url, "the header form did not lead to search")
        self.wait(lambda: self.results(), "no results after the header search")
        assert self.d.find_element(By.ID, "search-q").get_attribute("value") == "Messe"

    def test_search_is_keyboard_usable(self):
        self.search_page("Reichweite")
        box = self.d.find_element(By.ID, "search-q")
        box.click()
        box.send_keys(Keys.ARROW_DOWN)
        first = self.d.find_elements(By.CSS_SELECTOR, "#search-results a")[0]
        assert self.d.switch_to.active_element == first, "ArrowDown does not move to the first result"
        self.d.switch_to.active_element.send_keys(Keys.ARROW_UP)
        assert self.d.switch_to.active_element == box, "ArrowUp does not move back to the field"
        status = self.d.find_element(By.ID, "search-status")
        assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
        label = self.d.find_element(By.CSS_SELECTOR, "label[for='search-q']")
        assert label.text.strip()

    def test_search_never_shows_confidential_or_draft_objectives(self):
        for query in ("Übernahme", "Markus Brandt", "Due Diligence", "Online-Konfigurator", "Österreich"):
            hits = self.search_page(query)
            assert not any("akquisition" in h[1] or "konfigurator" in h[1] or "markenbekanntheit-dach" in h[1]
                           for h in hits), (query, hits)
            assert not any("Brandt" in h[0] for h in hits), (query, hits)

    def test_search_shows_hostile_text_as_text(self):
        # The query is echoed in the status line: as text, never as markup.
        self.search_page("<img src=x id=injected>")
        assert not self.d.find_elements(By.ID, "injected")
        assert "<img" in self.d.find_element(By.ID, "search-status").text

    def test_search_works_from_file_url(self):
        url = "file://" + urllib.parse.quote(self.site) + "/"
        hits = self.search_page("Reichweite", base=url)
        assert any(h[1].endswith("objectives/social-media-reichweite-q4.html") for h in hits), hits
        self.d.find_element(By.CSS_SELECTOR, "#search-results a").click()
        self.wait(lambda: "/objectives/" in self.d.current_url, "no navigation under file://")
        assert self.d.current_url.startswith("file://")
        # The filters too, and a shared filter URL under file://.
        self.d.get(url + "periods/2026-Q4.html")
        self.status_box("at-risk").click()
        rows = self.visible("#byteam li[data-f-status]")
        assert rows and all(r.get_attribute("data-f-status") == "at-risk" for r in rows)
        self.d.get(url + "periods/2026-Q4.html?status=off-track")
        rows = self.visible("#byteam li[data-f-status]")
        assert rows and all(r.get_attribute("data-f-status") == "off-track" for r in rows)
        assert self.status_box("off-track").is_selected()

    # Filters

    def test_filters_hide_and_show_items_on_the_period_page(self):
        self.d.get(self.base + "periods/2026-Q4.html")
        bar = self.d.find_element(By.CSS_SELECTOR, "form.filters")
        assert bar.is_displayed(), "the filter bar stays hidden with JavaScript on"
        total = len(self.visible("#byteam li[data-f-status]"))
        assert total > 5
        Select(self.d.find_element(By.ID, "filter-team")).select_by_value("marketing")
        rows = self.visible("#byteam li[data-f-status]")
        assert 0 < len(rows) < total and all(r.get_attribute("data-f-team") == "marketing" for r in rows)
        headings = [h.text for h in self.visible("#byteam h3")]
        assert headings == ["Marketing"], headings
        count = self.d.find_element(By.CSS_SELECTOR, ".filter-count").text
        assert count == f"{len(rows)} von {total} Zielen gezeigt", count
        self.status_box("off-track").click()
        both = self.visible("#byteam li[data-f-status]")
        assert all(r.get_attribute("data-f-status") == "off-track" and r.get_attribute("data-f-team") == "marketing"
                   for r in both)
        self.d.find_element(By.CSS_SELECTOR, "form.filters button[type=reset]").click()
        self.wait(lambda: len(self.visible("#byteam li[data-f-status]")) == total, "reset does not show all again")
        self.wait(lambda: "?" not in self.d.current_url, "reset leaves the filters in the URL")

    def status_box(self, status):
        return self.d.find_element(By.CSS_SELECTOR, f"form.filters input[type=checkbox][name=status][value='{status}']")

    def test_filters_take_several_statuses_and_live_in_the_url(self):
        self.d.get(self.base + "periods/2026-Q4.html")
        items = self.d.find_elements(By.CSS_SELECTOR, "#byteam li[data-f-status]")
        statuses = {i.get_attribute("data-f-status") for i in items}
        assert {"at-risk", "off-track", "on-track"} <= statuses, statuses
        self.status_box("at-risk").click()
        self.status_box("off-track").click()
        self.wait(lambda: any(f"status={a},{b}" in self.d.current_url
                              for a, b in (("at-risk", "off-track"), ("off-track", "at-risk"))),
                  f"URL not updated: {self.d.current_url}")
        shared = self.d.current_url
        rows = self.visible("#byteam li[data-f-status]")
        want = [i for i in items if i.get_attribute("data-f-status") in ("at-risk", "off-track")]
        assert rows and len(rows) == len(want), (len(rows), len(want))
        # The shared link restores the view in a fresh load: boxes checked, only those items shown.
        self.d.get("about:blank")
        self.d.get(shared)
        assert self.status_box("at-risk").is_selected() and self.status_box("off-track").is_selected()
        assert not self.status_box("on-track").is_selected()
        rows = self.visible("#byteam li[data-f-status]")
        assert rows and all(r.get_attribute("data-f-status") in ("at-risk", "off-track") for r in rows)
        assert len(rows) == len(want)
        # A team is a select; both live in the URL together.
        Select(self.d.find_element(By.ID, "filter-team")).select_by_value("marketing")
        self.wait(lambda: "team=marketing" in self.d.current_url and "status=" in self.d.current_url,
                  f"URL not updated: {self.d.current_url}")

    def test_shared_filter_urls_restore_filters_on_team_and_period_pages(self):
        # The formats docs/search.md documents: a query, or a fragment written like one.
        cases = [
            ("periods/2026-Q4.html?status=at-risk,off-track", "#byteam", {"at-risk", "off-track"}),
            ("periods/2026-Q4.html#status=on-track", "#byteam", {"on-track"}),
            ("teams/company.html?status=on-track&period=2026-Q4", "#team-objectives", {"on-track"}),
        ]
        for url, scope, want in cases:
            self.d.get(self.base + url)
            rows = self.visible(scope + " [data-f-status]")
            hidden = [e for e in self.d.find_elements(By.CSS_SELECTOR, scope + " [data-f-status]") if not e.is_displayed()]
            assert rows and hidden, (url, len(rows), len(hidden))
            assert all(r.get_attribute("data-f-status") in want for r in rows), url
            for s in want:
                assert self.status_box(s).is_selected(), (url, s)
            if "period=" in url:
                assert Select(self.d.find_element(By.ID, "filter-period")).first_selected_option.get_attribute("value") == "2026-Q4"
                assert all(r.get_attribute("data-f-period") == "2026-Q4" for r in rows)

    def test_outdated_filter_finds_outdated_key_results_behind_worse_statuses(self):
        self.d.get(self.base + "periods/2026-Q4.html?status=outdated")
        assert self.status_box("outdated").is_selected()
        rows = self.visible("#byteam li[data-f-status]")
        assert rows, "no objective with an outdated key result"
        assert all(r.get_attribute("data-f-status") == "outdated" or r.get_attribute("data-f-outdated") == "true"
                   for r in rows)

    # Layout, cascade, map, help

    def test_cascade_starts_collapsed_below_the_top_level_and_opens_all(self):
        self.d.get(self.base + "cascade/2026-Q4.html")
        tops = self.d.find_elements(By.CSS_SELECTOR, "#cascade-tree > li.node > details")
        inner = self.d.find_elements(By.CSS_SELECTOR, "#cascade-tree li.node li.node > details")
        assert tops and inner
        assert all(d.get_attribute("open") is not None for d in tops), "top level not open"
        assert all(d.get_attribute("open") is None for d in inner), "lower levels not collapsed"
        short = self.d.execute_script("return document.documentElement.scrollHeight")
        self.d.find_element(By.CSS_SELECTOR, ".tree-controls button[data-open=true]").click()
        assert all(d.get_attribute("open") is not None for d in inner), "open all left parts closed"
        assert self.d.execute_script("return document.documentElement.scrollHeight") > short
        self.d.find_element(By.CSS_SELECTOR, ".tree-controls button[data-open=false]").click()
        assert all(d.get_attribute("open") is None for d in tops)

    def test_alignment_map_starts_at_a_company_objective(self):
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        try:
            self.d.get(self.base + "map/2026-Q4.html")
            seen = self.d.execute_script("""
              var wrap = document.querySelector('.map-wrap'), box = wrap.getBoundingClientRect();
              var nodes = Array.prototype.slice.call(wrap.querySelectorAll('rect.node'));
              var top = Math.min.apply(null, nodes.map(function (n) { return n.getBoundingClientRect().top; }));
              return nodes.filter(function (n) { var r = n.getBoundingClientRect();
                return Math.abs(r.top - top) < 1 && r.left >= box.left - 1 && r.right <= box.right + 1; }).length;""")
            assert seen >= 1, "no company objective in view where the map starts"
        finally:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def test_dependencies_on_the_map_are_dashed_arrows_distinct_from_alignment(self):
        self.d.get(self.base + "map/2026-Q4.html")
        style = self.d.execute_script("""
          function look(sel) { var e = document.querySelector(sel); if (!e) return null;
            var s = getComputedStyle(e); return {dash: s.strokeDasharray, stroke: s.stroke, marker: e.getAttribute('marker-end')}; }
          return {dep: look('svg.map path.dependency'), edge: look('svg.map path.edge:not(.secondary)'),
                  secondary: look('svg.map path.edge.secondary'),
                  items: document.querySelectorAll('#map-deps-h ~ ul.deps li').length,
                  legend: document.querySelectorAll('.map-legend .key-dependency').length};""")
        dep = style["dep"]
        assert dep is not None, "no dependency arrow on the map"
        assert dep["dash"] not in ("none", ""), dep
        assert dep["marker"] and dep["marker"].startswith("url(#"), dep
        assert dep["stroke"] != style["edge"]["stroke"], (dep, style["edge"])
        if style["secondary"] is not None:
            assert dep["stroke"] != style["secondary"]["stroke"], (dep, style["secondary"])
        assert style["items"] >= 2 and style["legend"] == 1, style

    def test_status_badges_and_the_marker_link_to_the_help_page(self):
        self.d.get(self.base + "objectives/px5-bekanntheit-q4.html")
        badge = self.d.find_element(By.CSS_SELECTOR, "a.status")
        href = badge.get_attribute("href")
        assert "help.html#status-" in href, href
        status = href.split("#")[1]
        marker = self.d.find_element(By.CSS_SELECTOR, "a[href$='help.html#expected']")
        assert marker.text.strip()
        badge.click()
        self.wait(lambda: "help.html#status-" in self.d.current_url, "the badge did not lead to the help page")
        entry = self.d.find_element(By.ID, status)
        assert entry.text.strip() and entry.is_displayed()
        for anchor in ("progress", "expected", "status", "owner-call", "confidence", "types", "score", "distribution"):
            assert self.d.find_element(By.ID, anchor).text.strip(), anchor
        links = [a.get_attribute("href") for a in self.d.find_elements(By.CSS_SELECTOR, "footer a, nav a")]
        assert any(l.endswith("help.html") for l in links), links

    def test_no_page_scrolls_sideways_or_clips_text_at_any_width(self):
        # And a 4K wall display (3840 px at 100 %), where the wide-screen rules take over.
        problems = self.layout_problems(self.base, DEMO_PAGES, widths=WIDTHS + [3840])
        assert not problems, "\n  " + "\n  ".join(problems)

    def test_print_gives_a_clean_a4_handout_of_team_and_period_pages(self):
        # A4 less 12 mm margins each side is 186 mm: 703 CSS px.
        try:
            self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 703, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
            for page in ("teams/marketing.html", "periods/2026-Q4.html", "weekly/social-media.html",
                         "cascade/2026-Q4.html"):
                self.d.get(self.base + page)
                for css in (".site-header nav", ".site-search", "form.filters", ".switcher", ".tree-controls"):
                    assert not self.visible(css), (page, css, "printed")
                r = self.d.execute_script(LAYOUT_JS)
                assert r["scrollWidth"] <= 703 and not r["clipped"], (page, r)
                cards = self.d.find_elements(By.CSS_SELECTOR, ".card")
                assert all(c.value_of_css_property("break-inside") == "avoid" for c in cards), page
            # Collapsed parts of the cascade print open (the script opens them before printing; emulated
            # print media fires no beforeprint, so the test does).
            self.d.execute_script("window.dispatchEvent(new Event('beforeprint'))")
            # (checkVisibility, not is_displayed(): Selenium calls anything in a closed <details> hidden.)
            shown = self.d.execute_script("""
              var inner = document.querySelectorAll('#cascade-tree li.node li.node > details > .krs');
              return [inner.length, Array.prototype.filter.call(inner, function (e) {
                return e.checkVisibility(); }).length];""")
            assert shown[0] and shown[0] == shown[1], f"collapsed cascade parts do not print: {shown}"
            pdf = self.d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
            assert pdf["data"], "no PDF"
        finally:
            self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def layout_problems(self, base, pages, axe=False, widths=WIDTHS):
        problems = []
        try:
            for width in widths:
                self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                for name, page in pages:
                    self.d.get(base + page)
                    r = self.d.execute_script(LAYOUT_JS)
                    if r["scrollWidth"] > r["innerWidth"]:
                        problems.append(f"{width} px {name}: {r['scrollWidth']} px wide; {r['wide']}")
                    for c in r["clipped"]:
                        problems.append(f"{width} px {name}: clipped {c}")
                    if axe:
                        problems += [f"{width} px {p}" for p in self.axe_problems(name, sample=True)]
        finally:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return problems

    def axe_problems(self, name, sample=False):
        if sample:
            # A 1,000-objective cascade has 100,000 elements, and axe took minutes on it. Every list item,
            # table row and map box comes from the same partial, so the first few hundred of each (in
            # document order, which keeps every kept item's ancestors) stand for the rest.
            self.d.execute_script("""
              [['.f-group', 30], ['li', 150], ['tr', 80], ['svg a', 80], ['details', 100], ['option', 60]].forEach(function (k) {
                var all = document.querySelectorAll(k[0]);
                for (var i = all.length - 1; i >= k[1]; i--) if (all[i].isConnected) all[i].remove();
              });""")
        self.d.execute_script(Axe().axe_script)
        # Violations only: collecting the passes too took minutes on a 1,000-objective cascade.
        options = {"rules": {rule: {"enabled": False} for rule in AXE_DISABLED}, "resultTypes": ["violations"]}
        result = self.d.execute_async_script(
            "var done = arguments[arguments.length - 1]; axe.run(document, %s).then(done);" % json.dumps(options))
        return [f"{name}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"] if v["impact"] in AXE_FAILING]

    def test_filters_by_owner_and_period_on_the_team_page(self):
        self.d.get(self.base + "teams/company.html")
        total = len(self.visible("#team-objectives [data-f-status]"))
        Select(self.d.find_element(By.ID, "filter-period")).select_by_value("2026-Q3")
        cards = self.visible("#team-objectives [data-f-status]")
        assert 0 < len(cards) < total and all(c.get_attribute("data-f-period") == "2026-Q3" for c in cards)
        Select(self.d.find_element(By.ID, "filter-period")).select_by_value("")
        owner = Select(self.d.find_element(By.ID, "filter-owner"))
        name = owner.options[1].get_attribute("value")
        owner.select_by_value(name)
        cards = self.visible("#team-objectives [data-f-status]")
        assert cards and all(c.get_attribute("data-f-owner") == name for c in cards)

    # Accessibility

    def test_axe_finds_no_serious_or_critical_violations(self):
        problems = []
        for name, page in AXE_PAGES:
            self.d.get(self.base + page)
            if page.startswith("search/"):
                self.wait(lambda: self.results(), "no search results to check")
            problems += self.axe_problems(name)
        assert not problems, "\n  ".join(problems)

    def test_axe_at_every_width_on_every_page_kind(self):
        problems = []
        try:
            for width in WIDTHS:
                self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                for name, page in DEMO_PAGES:
                    self.d.get(self.base + page)
                    problems += [f"{width} px {p}" for p in self.axe_problems(name)]
        finally:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        assert not problems, "\n  ".join(problems)


def test_pages_work_without_javascript(base):
    d = chromium(javascript=False)
    try:
        d.get(base + "search/index.html?q=Reichweite")
        nojs = d.find_element(By.ID, "search-nojs")
        assert nojs.is_displayed(), "the no-JavaScript note is not shown"
        assert "JavaScript" in nojs.text
        links = [a.get_attribute("href") for a in nojs.find_elements(By.TAG_NAME, "a")]
        for index in ("teams/index.html", "people/index.html", "periods/index.html"):
            assert any(l.endswith(index) for l in links), (index, links)
        assert not d.find_element(By.ID, "search-form").is_displayed()
        d.find_element(By.CSS_SELECTOR, "#search-nojs a[href$='teams/index.html']").click()
        assert d.find_element(By.TAG_NAME, "h1").text == "Teams"
        d.get(base + "periods/2026-Q4.html")
        assert not d.find_element(By.CSS_SELECTOR, "form.filters").is_displayed()
        items = d.find_elements(By.CSS_SELECTOR, "#byteam li[data-f-status]")
        assert items and all(i.is_displayed() for i in items), "items hidden without JavaScript"
    finally:
        d.quit()


def main():
    args = sys.argv[1:]
    tmp, big_tmp = None, None
    options = dict(zip(args[::2], args[1::2]))
    if len(args) % 2 or set(options) - {"--site", "--big-site"}:
        print(__doc__)
        return 2
    if "--site" in options:
        site = os.path.abspath(options["--site"])
    else:
        tmp, site = build_site()
    if "--big-site" in options:
        big = os.path.abspath(options["--big-site"])
    else:
        big_tmp, big = generate_big_site()
    passed, failed = 0, 0
    start = time.time()

    def run(name, fn):
        nonlocal passed, failed
        try:
            fn()
            passed += 1
            print(f"ok    {name}")
        except Exception as e:
            failed += 1
            detail = str(e) if isinstance(e, AssertionError) else traceback.format_exc()
            print(f"FAIL  {name}\n  {detail}")

    try:
        with serve(site) as base:
            d = chromium()
            try:
                checks = Checks(d, base, site)
                for name in sorted(n for n in dir(Checks) if n.startswith("test_")):
                    run(name, getattr(checks, name))
            finally:
                d.quit()
            run("test_pages_work_without_javascript", lambda: test_pages_work_without_javascript(base))
        if big:
            with serve(big) as big_base:
                d = chromium()
                try:
                    checks = Checks(d, big_base, big)
                    pages = big_site_pages(big)

                    def big_site():
                        problems = checks.layout_problems(big_base, pages, axe=True)
                        assert not problems, "\n  " + "\n  ".join(problems)
                    run(f"test_big_site_every_page_kind_at_every_width ({len(pages)} kinds)", big_site)
                finally:
                    d.quit()
        else:
            print(f"skip  test_big_site_every_page_kind_at_every_width (no generator at {GEN_ORG}; "
                  "set GEN_ORG or pass --big-site)")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        if big_tmp:
            shutil.rmtree(big_tmp, ignore_errors=True)
    print(f"({time.time() - start:.1f} s)")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
