public import struct Foundation.URL
import Dispatch
import class Foundation.NSLock
public import XLSXWriter
import ICTIndexCore

extension SelfAssessmentTemplate {
    /// The workbook's file name: the unit code with letters, digits, '-', '_' and '.' kept, anything else '_'.
    public var fileName: String {
        let kept = metadata.unit.rawValue.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }
        let name = String(kept)
        return (name.isEmpty || name.hasPrefix(".") ? "_" + name : name) + ".xlsx"
    }

    /// Writes workbooks into a folder, one per template, on every core (each workbook is independent).
    ///
    /// - Returns: the files written, in the templates' order.
    /// - Throws: the first ``XLSXError`` met; the workbooks written before it stay.
    public static func write(_ templates: [SelfAssessmentTemplate], into folder: URL) throws(XLSXError) -> [URL] {
        let urls = templates.map { folder.appendingPathComponent($0.fileName) }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: templates.count) { i in
            do throws(XLSXError) {
                try XLSXWriter.write(templates[i].spreadsheet(), to: urls[i])
            } catch {
                failures.append(error)
            }
        }
        if let first = failures.first { throw first }
        return urls
    }
}

/// Errors collected from concurrent writes.
private final class Failures: @unchecked Sendable {
    private var items: [XLSXError] = []
    private let lock = NSLock()
    func append(_ item: XLSXError) { lock.withLock { items.append(item) } }
    var first: XLSXError? { lock.withLock { items.first } }
}
