#!/usr/bin/env python3
"""Screenshots of the demo portal in headless Chromium, for docs/screenshots/.

    scripts/screenshots.py [SITE_OUTPUT_DIR]

Without an argument it builds the demo site (as of 2026-11-29) into a temporary folder first.
Needs Debian's chromium and chromium-driver, and selenium from PyPI.
"""
import os, subprocess, sys, tempfile
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "screenshots")

PAGES = [  # (file name, page, width, dark mode)
    ("home", "index.html", 1280, False),
    ("cascade", "cascade/2026-Q4.html", 1280, False),
    ("team", "teams/marketing.html", 1280, False),
    ("objective", "objectives/social-media-reichweite-q4.html", 1280, False),
    ("person", "people/lena-hartmann.html", 1280, False),
    ("teams", "teams/index.html", 1280, False),
    ("period-graded", "periods/2026-Q3.html", 1280, False),
    ("objective-graded", "objectives/website-relaunch-q3.html", 1280, False),
    ("health", "health/2026-Q4.html", 1280, False),
    ("alignment-map", "map/2026-Q4.html", 1280, False),
    ("objective-phone", "objectives/angebote-schneller-q4.html", 390, False),
    ("home-dark", "index.html", 1280, True),
    ("changes", "changes.html", 1280, False),
    ("search", "search/index.html?q=linkedin", 1280, False),
    ("help", "help.html", 1280, False),
]
# Every screen size (issue 14): the main page kinds on a phone (390 px) and a laptop (1366 px).
for _name, _page in [("home", "index.html"), ("objective", "objectives/social-media-reichweite-q4.html"),
                     ("team", "teams/marketing.html"), ("period", "periods/2026-Q4.html"),
                     ("health", "health/2026-Q4.html"), ("help", "help.html")]:
    PAGES += [(f"{_name}-390", _page, 390, False), (f"{_name}-1366", _page, 1366, False)]
# Forecasts (issue 16): a KR with a projection and the health page's list of misses, on a phone and a laptop.
for _w in (390, 1366):
    PAGES += [(f"forecast-objective-{_w}", "objectives/lieferfaehigkeit-q4.html", _w, False)]
SECTIONS = [  # (file name, page, CSS selector, index, width): one element at a given width
    ("forecast-kr-trend-390", "objectives/lieferfaehigkeit-q4.html", "svg.trend", 0, 390),
    ("forecast-kr-trend-1366", "objectives/lieferfaehigkeit-q4.html", "svg.trend", 0, 1366),
    ("forecast-kr-row-390", "objectives/lieferfaehigkeit-q4.html", "table.krs", 0, 390),
    ("forecast-health-list-390", "health/2026-Q4.html", "section.forecast-misses", 0, 390),
    ("forecast-health-list-1366", "health/2026-Q4.html", "section.forecast-misses", 0, 1366),
    ("forecast-backtest-390", "periods/2026-Q3.html", "section.backtest", 0, 390),
    ("forecast-backtest-1366", "periods/2026-Q3.html", "section.backtest", 0, 1366),
    # Dependencies (issue 16): Sales needs Marketing's leads — both sides, and the map's dashed arrows.
    ("dependency-needs-390", "objectives/automotive-neukunden-q4.html", "section.dependencies", 0, 390),
    ("dependency-needs-1366", "objectives/automotive-neukunden-q4.html", "section.dependencies", 0, 1366),
    ("dependency-helps-390", "objectives/fertigungsleiter-erreichen-q4.html", "section.dependencies", 0, 390),
    ("dependency-helps-1366", "objectives/fertigungsleiter-erreichen-q4.html", "section.dependencies", 0, 1366),
    ("dependency-map-390", "map/2026-Q4.html", "div.map-wrap", 0, 390),
    ("dependency-map-1366", "map/2026-Q4.html", "div.map-wrap", 0, 1366),
]
CHARTS = [  # (file name, page, CSS selector of the chart's box, index)
    ("chart-progress-bars", "objectives/social-media-reichweite-q4.html", "table.krs", 0),
    ("chart-rings-cascade", "cascade/2026-Q4.html", "ul.cascade", 0),
    ("chart-kr-trend", "objectives/angebote-schneller-q4.html", "svg.trend", 0),
    ("chart-burnup", "objectives/social-media-reichweite-q4.html", "svg.burnup", 0),
    ("chart-team-comparison", "teams/index.html", "svg.teams", 0),
    ("chart-status-distribution", "index.html", "section.figures", 0),
    ("chart-alignment-map", "map/2026-Q4.html", "div.map-wrap", 0),
    ("chart-scores", "periods/2026-Q3.html", "svg.scores", 0),
    ("chart-confidence", "objectives/messlabor-q3.html", "svg.confidence-chart", 0),
    ("chart-kr-per-objective", "health/2026-Q4.html", "svg.kr-histogram", 0),
    ("chart-confidence-mean", "health/2026-Q4.html", "svg.confidence-chart", 0),
    ("chart-bottom-up", "health/2026-Q4.html", "svg.shares", 0),
]


def driver(width, dark):
    options = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},1000",
              "--force-device-scale-factor=1"):
        options.add_argument(a)
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def full_page(d, url, path, width):
    d.get(url)
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(width, min(height, 6000))
    d.save_screenshot(path)


def main():
    site = sys.argv[1] if len(sys.argv) > 1 else None
    if not site:
        site = tempfile.mkdtemp()
        subprocess.run([os.path.join(ROOT, ".build/debug/okrportal"), "build", ROOT, "--as-of", "2026-11-29",
                        "--output", site], check=True, stdout=subprocess.DEVNULL)
    os.makedirs(OUT, exist_ok=True)
    for name, page, width, dark in PAGES:
        d = driver(width, dark)
        try:
            full_page(d, "file://" + os.path.join(site, page), os.path.join(OUT, name + ".png"), width)
        finally:
            d.quit()
    d = driver(1280, False)
    try:
        for name, page, selector, index in CHARTS:
            d.get("file://" + os.path.join(site, page))
            d.set_window_size(1280, d.execute_script("return document.documentElement.scrollHeight"))
            d.find_elements(By.CSS_SELECTOR, selector)[index].screenshot(os.path.join(OUT, name + ".png"))
    finally:
        d.quit()
    for name, page, selector, index, width in SECTIONS:
        d = driver(width, False)
        try:
            d.get("file://" + os.path.join(site, page))
            d.set_window_size(width, d.execute_script("return document.documentElement.scrollHeight"))
            for details in d.find_elements(By.CSS_SELECTOR, selector + " details"):
                d.execute_script("arguments[0].open = true", details)
            d.find_elements(By.CSS_SELECTOR, selector)[index].screenshot(os.path.join(OUT, name + ".png"))
        finally:
            d.quit()
    print(f"{len(PAGES) + len(CHARTS) + len(SECTIONS)} screenshots in {OUT}")


if __name__ == "__main__":
    main()
