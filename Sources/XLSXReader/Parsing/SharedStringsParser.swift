/// Reads `xl/sharedStrings.xml`: each `<si>` is plain (`<t>`) or rich text (`<r><t>…</t></r>…`); phonetic runs
/// (`<rPh>`) are not part of the text.
final class SharedStringsParser: XMLHandler {
    private(set) var strings: [String] = []
    private var current: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    static func parse(_ part: String, in package: XLSXPackage) throws(XLSXReadError) -> [String] {
        let handler = SharedStringsParser()
        try package.parse(part, with: handler)
        return handler.strings
    }

    override func start(_ element: String, _ attributes: borrowing XMLAttributes) throws(XLSXReadError) {
        switch element {
        case "si":
            current.removeAll(keepingCapacity: true)
            inItem = true
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: text) }
    }

    override func end(_ element: String) throws(XLSXReadError) {
        switch element {
        case "si":
            strings.append(String(decoding: current, as: UTF8.self).decodingOfficeEscapes)
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}
