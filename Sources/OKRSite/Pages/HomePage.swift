import OKRCore

/// `index.html`: the current period's company objectives, its key figures, and the way into the portal.
enum HomePage: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        [
            Page(path: "index.html", template: "home") { m in
                var c = m.baseContext(depth: 0, title: m.t["home_title"], section: "home")
                if let p = m.org.currentPeriod {
                    c = c.merging(PeriodPages.overview(m, period: p))
                }
                c["has_period"] = m.org.currentPeriod != nil
                c["period_switcher"] = PeriodPages.switcher(m, current: m.org.currentPeriod)
                return c
            }
        ]
    }
}
