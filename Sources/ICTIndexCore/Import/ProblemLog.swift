import Localization
import OrderedCollections

/// The problems of one file, at most ``limit`` of each code listed; past that only counted.
///
/// A file with a systematic fault (every row short, every cell in the other number style) would otherwise
/// give a message per cell: megabytes of text that hide the cause, and memory in proportion to the file.
/// The count of the rest is one line per code after the listed ones.
struct ProblemLog {
    /// How many problems of one code are listed.
    static let limit = 100

    private(set) var listed: [Diagnostic] = []
    private var counts: OrderedDictionary<DiagnosticCode, Int> = [:]

    var hasErrors: Bool { listed.hasErrors }

    /// Whether another problem of a code would only be counted; a caller can then skip making its message.
    func isFull(_ code: DiagnosticCode) -> Bool { counts[code, default: 0] >= Self.limit }

    mutating func append(_ diagnostic: Diagnostic) {
        let count = counts[diagnostic.code, default: 0]
        counts[diagnostic.code] = count + 1
        if count < Self.limit { listed.append(diagnostic) }
    }

    mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// One line per code with problems beyond the limit: how many more there are.
    func summaries(file: String) -> [Diagnostic] {
        counts.compactMap { code, count in
            guard count > Self.limit else { return nil }
            return .error(
                code, at: SourceLocation(file: file), subject: .table(name: file, row: 0),
                Words(
                    vi: "còn \(count - Self.limit) lỗi loại này (\(code)) không được liệt kê; tổng cộng \(count) lỗi",
                    en: "\(count - Self.limit) more problems of this kind (\(code)) are not listed; \(count) in all"),
                hint: Words(
                    vi: "hãy sửa nguyên nhân của các lỗi nêu trên, rồi đọc lại tệp",
                    en: "fix the cause of the problems listed above, then read the file again"))
        }
    }
}
