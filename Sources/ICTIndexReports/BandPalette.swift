package import XLSXWriter

/// The colours of bands, from green (best band) to red (worst): Excel's "good / neutral / bad" palette.
///
/// One palette for the Excel annex (conditional formats of the band column) and the web pages (band badges and
/// the overview's band bars), so a band has the same colour on paper and on screen.
package enum BandPalette {
    /// Fill and font colours for `count` bands, best first.
    package static func colours(count: Int) -> [(fill: Color, font: Color)] {
        let green: (fill: Color, font: Color) = (0xC6EFCE, 0x006100)
        let blue: (fill: Color, font: Color) = (0xDDEBF7, 0x1F4E79)
        let yellow: (fill: Color, font: Color) = (0xFFEB9C, 0x9C5700)
        let orange: (fill: Color, font: Color) = (0xFCE4D6, 0x833C0B)
        let red: (fill: Color, font: Color) = (0xFFC7CE, 0x9C0006)
        switch count {
        case ...0: return []
        case 1: return [green]
        case 2: return [green, red]
        case 3: return [green, yellow, red]
        case 4: return [green, blue, yellow, red]
        default: return [green, blue, yellow, orange] + Array(repeating: red, count: count - 4)
        }
    }
}
