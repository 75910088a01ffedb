/// Reads `xl/workbook.xml`: the sheets in tab order and the defined names.
final class WorkbookParser: XMLHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var visibility: XLSXSheetInfo.Visibility
    }

    private(set) var sheets: [SheetEntry] = []
    private(set) var definedNames: [XLSXDefinedName] = []
    private(set) var uses1904DateSystem = false
    private var name: XLSXDefinedName?
    private let part: String
    private let path: String

    private init(part: String, path: String) {
        self.part = part
        self.path = path
    }

    static func parse(
        _ part: String, in package: XLSXPackage
    ) throws(XLSXReadError) -> (sheets: [SheetEntry], definedNames: [XLSXDefinedName], uses1904: Bool) {
        let handler = WorkbookParser(part: part, path: package.path)
        try package.parse(part, with: handler)
        return (handler.sheets, handler.definedNames, handler.uses1904DateSystem)
    }

    override func start(_ element: String, _ attributes: borrowing XMLAttributes) throws(XLSXReadError) {
        switch element {
        case "workbookPr":
            uses1904DateSystem = attributes["date1904"] == "1" || attributes["date1904"] == "true"
        case "sheet":
            // The relationship id is `r:id` with the officeDocument relationships namespace, whatever its prefix.
            let id = attributes["r:id"] ?? attributes.value(endingWith: ":id")
            guard let name = attributes["name"], let id else {
                throw XLSXReadError(
                    .malformedXML, path: path, part: part, vi: "một phần tử <sheet> thiếu thuộc tính name hoặc r:id",
                    en: "a <sheet> element has no name or r:id", hint: .damaged)
            }
            let visibility: XLSXSheetInfo.Visibility =
                switch attributes["state"] {
                case "hidden": .hidden
                case "veryHidden": .veryHidden
                default: .visible
                }
            sheets.append(SheetEntry(name: name.decodingOfficeEscapes, relationshipID: id, visibility: visibility))
        case "definedName":
            name = XLSXDefinedName(
                name: attributes["name"] ?? "", formula: "",
                localSheetIndex: attributes["localSheetId"].flatMap { Int($0) },
                isHidden: attributes["hidden"] == "1" || attributes["hidden"] == "true")
        default:
            break
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        name?.formula += String(decoding: text, as: UTF8.self)
    }

    override func end(_ element: String) throws(XLSXReadError) {
        if element == "definedName", let name {
            definedNames.append(name)
            self.name = nil
        }
    }
}
