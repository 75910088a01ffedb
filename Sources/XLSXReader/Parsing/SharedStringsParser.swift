import struct Foundation.Data

/// Reads `xl/sharedStrings.xml`: each `<si>` is plain (`<t>`) or rich text (`<r><t>…</t></r>…`); phonetic runs
/// (`<rPh>`) are not part of the text.
final class SharedStringsParser: XMLHandler {
    private(set) var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phoneticDepth = 0

    static func parse(
        _ data: Data, part: String, in package: XLSXPackage, streamThreshold: Int
    ) throws(XLSXReadError) -> [String] {
        let handler = SharedStringsParser()
        try XMLPart.parse(data, part: part, path: package.path, handler: handler, streamThreshold: streamThreshold)
        return handler.strings
    }

    override func start(_ element: String, _ attributes: [String: String]) throws(XLSXReadError) {
        switch element {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = current != nil && phoneticDepth == 0
        default: break
        }
    }

    override func characters(_ text: String) {
        if inText { current?.append(text) }
    }

    override func end(_ element: String) throws(XLSXReadError) {
        switch element {
        case "si":
            strings.append((current ?? "").decodingOfficeEscapes)
            current = nil
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}
