import Localization
/// The evidence an agency gives for one value: the document that proves it.
///
/// Vietnamese administrative documents are cited by number (số hiệu, such as "12/QĐ-UBND"), title (tên văn
/// bản), date (ngày ban hành) and summary (trích yếu); a link or an uploaded file may point to the document
/// itself. Every field is optional.
///
/// Evidence is stored as one text (the `evidence` of ``Dataset/Provenance`` and of the database's
/// submissions), one `key: value` line per field given, in a fixed order, which people can read in the audit
/// log:
/// ```
/// number: 12/QĐ-UBND
/// title: Quyết định ban hành Kế hoạch chuyển đổi số năm 2025
/// date: 2025-03-01
/// link: https://stttt.example.gov.vn/qd-12
/// ```
/// A text that is not in this form (evidence typed freely into a CSV column) reads back as its ``title``.
public struct Evidence: Hashable, Sendable {
    /// The document's number (số hiệu), such as "12/QĐ-UBND".
    public var number: String?
    /// The document's title (tên văn bản).
    public var title: String?
    /// The document's date (ngày), ISO `yyyy-mm-dd` where known.
    public var date: String?
    /// The summary (trích yếu).
    public var summary: String?
    /// A link to the document.
    public var link: String?
    /// An uploaded copy: its SHA-256 in hex, then a space and the name it was uploaded under.
    public var file: String?

    /// Creates evidence; empty or blank fields count as not given.
    public init(
        number: String? = nil, title: String? = nil, date: String? = nil, summary: String? = nil,
        link: String? = nil, file: String? = nil
    ) {
        self.number = Self.clean(number)
        self.title = Self.clean(title)
        self.date = Self.clean(date)
        self.summary = Self.clean(summary)
        self.link = Self.clean(link)
        self.file = Self.clean(file)
    }

    /// Whether no field is given.
    public var isEmpty: Bool { fields.allSatisfy { $0.value == nil } }

    /// The fields in storage order, with their keys.
    public var fields: [(key: String, value: String?)] {
        [("number", number), ("title", title), ("date", date), ("summary", summary), ("link", link), ("file", file)]
    }

    /// The stored text, or `nil` when no field is given.
    public var text: String? {
        let lines = fields.compactMap { field in field.value.map { "\(field.key): \($0)" } }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Reads a stored text back; a text not written by ``text`` becomes the ``title``.
    ///
    /// - Parameter text: the stored evidence, or `nil`.
    public init?(text: String?) {
        guard let text, let cleaned = Self.clean(text) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"),
                Self.keys.contains(String(line[..<colon])),
                line[line.index(after: colon)...].first == " ",
                values[String(line[..<colon])] == nil
            else {
                self.init(title: cleaned)
                return
            }
            values[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
        }
        self.init(
            number: values["number"], title: values["title"], date: values["date"], summary: values["summary"],
            link: values["link"], file: values["file"])
    }

    private static let keys: Set<String> = ["number", "title", "date", "summary", "link", "file"]

    /// Trims spaces, turns line breaks into spaces, and makes an empty text `nil`.
    private static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result.isEmpty ? nil : result
    }
}
