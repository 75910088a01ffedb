import ICTIndexCore
import ICTIndexReports
import XLSXWriter

/// The bands of a framework as the pages show them: each in the colours of the Excel annex (``BandPalette``,
/// green for the best band to red for the worst), the same on every page.
struct BandColours: Sendable {
    let bands: [Band]
    private let styles: [BandID: String]
    private let fills: [BandID: (fill: String, font: String)]
    private let positions: [BandID: Int]

    init(_ framework: Framework) {
        bands = framework.bands
        let colours = BandPalette.colours(count: bands.count)
        var styles: [BandID: String] = [:]
        var fills: [BandID: (fill: String, font: String)] = [:]
        var positions: [BandID: Int] = [:]
        for (i, band) in bands.enumerated() where styles[band.id] == nil {
            styles[band.id] = "background:\(colours[i].fill);color:\(colours[i].font)"
            fills[band.id] = (colours[i].fill.description, colours[i].font.description)
            positions[band.id] = i
        }
        self.styles = styles
        self.fills = fills
        self.positions = positions
    }

    /// The inline style of a band: `background:#C6EFCE;color:#006100`.
    func style(_ id: BandID) -> String { styles[id] ?? "" }

    /// The fill and text colours of a band (`#C6EFCE`, `#006100`), for drawings.
    func colours(_ id: BandID) -> (fill: String, font: String)? { fills[id] }

    /// The place of a band, 0 for the best.
    func position(_ id: BandID) -> Int? { positions[id] }

    /// The band's name.
    func name(_ id: BandID, _ language: Language) -> String {
        bands.first { $0.id == id }?.name.text(language) ?? id.rawValue
    }

    /// The band's name in a coloured badge, or a dash without a band.
    func badge(_ id: BandID?, _ language: Language) -> HTML {
        guard let id else { return "—" }
        return "<span class=\"band\" style=\"\(style(id))\">\(name(id, language))</span>"
    }
}
