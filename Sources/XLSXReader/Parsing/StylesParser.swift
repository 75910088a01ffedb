/// The part of `xl/styles.xml` the reader needs: each cell format's number format and protection.
struct XLSXStyles: Sendable {
    struct Format: Sendable {
        var numberFormatID = 0
        /// Filled in once the whole part is read, so that cells need no dictionary lookup.
        var numberFormatCode: String?
        var isLocked = true
    }

    var formats: [Format] = []
    var numberFormatCodes: [Int: String] = [:]

    func format(at index: Int) -> Format {
        index >= 0 && index < formats.count ? formats[index] : Format()
    }
}

/// Reads `<numFmts>` and `<cellXfs>` from `xl/styles.xml` (the `<xf>` of `<cellStyleXfs>` are named styles, not
/// the formats that cells point to).
final class StylesParser: XMLHandler {
    private var styles = XLSXStyles()
    private var inCellFormats = false

    static func parse(_ part: String, in package: XLSXPackage) throws(XLSXReadError) -> XLSXStyles {
        let handler = StylesParser()
        try package.parse(part, with: handler)
        var styles = handler.styles
        for index in styles.formats.indices {
            styles.formats[index].numberFormatCode = styles.numberFormatCodes[styles.formats[index].numberFormatID]
        }
        return styles
    }

    override func start(_ element: String, _ attributes: borrowing XMLAttributes) throws(XLSXReadError) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                styles.numberFormatCodes[id] = attributes["formatCode"] ?? ""
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            styles.formats.append(
                XLSXStyles.Format(numberFormatID: attributes["numFmtId"].flatMap { Int($0) } ?? 0))
        case "protection" where inCellFormats && !styles.formats.isEmpty:
            if let locked = attributes["locked"] {
                styles.formats[styles.formats.count - 1].isLocked = !(locked == "0" || locked == "false")
            }
        default:
            break
        }
    }

    override func end(_ element: String) throws(XLSXReadError) {
        if element == "cellXfs" { inCellFormats = false }
    }
}
