import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/map`: the current run of a period on a map, each unit coloured by its band (or, with `node=PILLAR`, by
    /// the pillar's value in five classes), each a link to its page; units the map does not place are listed.
    func mapPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = context.language
        let language = context.language
        let title = w.say(vi: "Bản đồ", en: "Map")
        guard let current = try currentRun(request) else { return noRunPage(title: title, context, path: "/map") }
        let (periods, period, id, view) = (current.periods, current.period, current.id, current.view)
        let framework = view.framework
        let pillars = framework.pillars
        let node = request.query("node") ?? ""
        let pillar = pillars.firstIndex { $0.id.rawValue == node }
        let p = urlEncode(period)

        // The department's map, or else the provinces' tile grid: whichever places more of the run's units.
        let candidates = [configuration.map, WebMap.tileGrid34].compactMap { $0 }
        func placed(_ map: WebMap) -> Int { view.results.filter { map.shapes[$0.unit.code] != nil }.count }
        var map = candidates[0]
        for candidate in candidates.dropFirst() where placed(candidate) > placed(map) { map = candidate }

        let periodOptions = periods.reversed().map { "<option\(" selected", if: $0 == period)>\($0)</option>" as HTML }
        let nodeOptions = pillars.map {
            "<option value=\"\($0.id.rawValue)\"\(" selected", if: $0.id.rawValue == node)>\($0.name.text(language))</option>"
                as HTML
        }
        var html = Self.draftBanner(try database.runSummary(id), w)
        html += """
            <form method="get" action="/map" class="filters">
            <label>\(w.period)<br><select name="period">\(periodOptions)</select></label>
            <label>\(w.say(vi: "Tô màu theo", en: "Colour by"))<br><select name="node"><option value="">\(w.say(vi: "Điểm, xếp loại", en: "Score, band"))</option>\(nodeOptions)</select></label>
            <button type="submit">\(w.say(vi: "Xem", en: "Show"))</button></form>
            """
        guard placed(map) > 0 else {
            html += """
                <p class="notice">\(w.say(
                    vi: "Bản đồ ô 34 tỉnh dùng mã tỉnh (HN, HCM, …) nên không vẽ được các đơn vị của lần chấm này. Hãy chạy “ictindex serve --map TỆP.geojson” với tệp ranh giới có thuộc tính “code” là mã đơn vị.",
                    en: "The 34 provinces' tile grid uses province codes (HN, HCM, …), so it cannot draw this run's units. Run “ictindex serve --map FILE.geojson” with a boundary file whose “code” property is the unit's code."))</p>
                """
            return Page(title: title, body: html, context: context, path: request.uri.description).response()
        }

        // Colours: by band, or by the pillar's value in five classes of equal width between its lowest and highest.
        let ramp: [(fill: String, font: String)] = [
            ("#deebf7", "#1b1f24"), ("#9ecae1", "#1b1f24"), ("#6baed6", "#1b1f24"), ("#3182bd", "#ffffff"),
            ("#08519c", "#ffffff"),
        ]
        func value(_ i: Int) -> Double? { pillar.map { view.pillarValues[i][$0] } ?? view.results[i].published }
        let values = view.results.indices.compactMap(value)
        let (low, high) = (values.min() ?? 0, values.max() ?? 0)
        func rampClass(_ x: Double) -> Int { high > low ? min(4, Int((x - low) / (high - low) * 5)) : 2 }
        let byBand = pillar == nil && !framework.bands.isEmpty
        let decimals = framework.decimals
        var shapes = HTML.empty
        var missing: [StoredResult] = []
        for i in view.byRank {
            let r = view.results[i]
            guard let (_, shape) = map.shapes[r.unit.code] else {
                missing.append(r)
                continue
            }
            var colours: (fill: String, font: String) = ("#eef1f5", "#5f6b7a")
            if byBand, let band = r.band, let c = view.bandColours.colours(band) {
                colours = c
            } else if !byBand, let x = value(i) {
                colours = ramp[rampClass(x)]
            }
            let shown = w.number(value(i), decimals: decimals)
            let band = r.band.map { " — " + view.bandColours.name($0, language) } ?? ""
            let tip =
                "\(r.unit.name) (\(r.unit.code)): \(shown)\(band)\(r.rank.map { " — " + w.rank + " \($0)" } ?? "")"
            let href: HTML = "/units/\(urlEncode(r.unit.code.rawValue))?period=\(p)"
            switch shape {
            case .tile(let row, let column):
                let x = Double(column) * (WebMap.tile + WebMap.gap)
                let y = Double(row) * (WebMap.tile + WebMap.gap)
                shapes += """
                    <a href="\(href)"><rect x="\(f(x))" y="\(f(y))" width="\(f(WebMap.tile))" height="\(f(WebMap.tile))" rx="4" fill="\(colours.fill)" stroke="#5f6b7a" stroke-width="0.5"><title>\(tip)</title></rect>\
                    <text x="\(f(x + WebMap.tile / 2))" y="\(f(y + 20))" text-anchor="middle" font-size="12" font-weight="600" fill="\(colours.font)">\(r.unit.code.rawValue)</text>\
                    <text x="\(f(x + WebMap.tile / 2))" y="\(f(y + 36))" text-anchor="middle" font-size="11" fill="\(colours.font)">\(shown)</text></a>
                    """
            case .polygons(let rings):
                let d = rings.map { ring in
                    "M" + ring.map { "\(f($0.x)) \(f($0.y))" }.joined(separator: "L") + "Z"
                }.joined()
                shapes += """
                    <a href="\(href)"><path d="\(d)" fill="\(colours.fill)" fill-rule="evenodd" stroke="#ffffff" stroke-width="0.8"><title>\(tip)</title></path></a>
                    """
            }
        }
        let width = Int(map.width.rounded(.up))
        // A tile grid is small: drawn 1.6 times its size on a screen (a phone shrinks it to its width).
        let shownWidth = map.width < 400 ? Int((map.width * 1.6).rounded()) : width
        let height = Int(map.height.rounded(.up))
        let what = pillar.map { pillars[$0].name.text(language) } ?? w.score
        // The legend.
        var legend: [HTML] = []
        if byBand {
            for band in framework.bands {
                legend.append(view.bandColours.badge(band.id, language))
            }
        } else if high > low {
            for (k, c) in ramp.enumerated() {
                let from = low + (high - low) * Double(k) / 5
                let to = low + (high - low) * Double(k + 1) / 5
                legend.append(
                    "<span class=\"band\" style=\"background:\(c.fill);color:\(c.font)\">\(w.number(from, decimals: decimals))–\(w.number(to, decimals: decimals))</span>"
                )
            }
        }
        legend.append("<span class=\"band noband\">\(w.say(vi: "không có điểm", en: "no score"))</span>")
        var side: HTML = """
            <p class="muted">\(framework.name.text(language)) — \(w.period) \(period) — \(what); \(w.say(vi: "chạm hoặc bấm vào một đơn vị để xem chi tiết", en: "tap or click a unit for its page"))</p>
            <p class="legend">\(legend.joined(separator: " "))</p>
            """
        if !missing.isEmpty {
            let names = missing.map { "\($0.unit.name) (\($0.unit.code))" }.joined(separator: ", ")
            side +=
                "<p class=\"muted\">\(w.say(vi: "Không có trên bản đồ", en: "Not on the map")) (\(missing.count)): \(names)</p>"
        }
        // The legend beside the map on a screen (above it on a phone), so the key is read with the first screen.
        html += """
            <div class="mapwrap"><div class="mapside">\(side)</div>\
            <div class="map"><svg role="img" aria-label="\(title): \(what)" viewBox="0 0 \(width) \(height)" width="\(shownWidth)" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">\(shapes)</svg></div></div>
            """
        return Page(title: title, body: html, context: context, path: request.uri.description).response()
    }

    private func f(_ x: Double) -> String { NumberFormatting.fixed(x, decimals: 1) }
}
