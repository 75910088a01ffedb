import Foundation
import ZIPFoundation

/// The zip archive of a workbook: its parts by name, streamed through the XML parser within ``XLSXLimits``.
///
/// ZIPFoundation's `Archive` is a class over an open file; it stays inside this type, which is never shared.
final class XLSXPackage {
    /// Where the workbook's bytes are: always a file. (ZIPFoundation's in-memory archives, `Archive(data:)`,
    /// trap on a central directory that points past the end of the bytes: `Archive.MemoryFile.readData` makes a
    /// range with a negative length. Reading from a file, a bad offset is a short read and an error.)
    enum Source: Sendable {
        case file(URL)
    }

    struct Relationship {
        var id: String
        var type: String
        /// The target part, resolved to a path inside the archive (`xl/worksheets/sheet1.xml`).
        var target: String
    }

    let path: String
    let limits: XLSXLimits
    private let archive: Archive
    private let entries: [String: Entry]
    /// The bytes inflated so far for this read, against ``XLSXLimits/packageSize``.
    private(set) var inflated: Int

    /// Opens a package.
    ///
    /// - Parameters:
    ///   - source: the file or the bytes.
    ///   - path: the name used in errors.
    ///   - limits: the bounds.
    ///   - inflated: the bytes already inflated for this read (when a sheet is read after the workbook).
    init(source: Source, path: String, limits: XLSXLimits, inflated: Int = 0) throws(XLSXReadError) {
        self.path = path
        self.limits = limits
        self.inflated = inflated
        let signature: Data
        switch source {
        case .file(let url):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let handle = FileHandle(forReadingAtPath: url.path)
            else {
                throw XLSXReadError(
                    .unreadableFile, path: path, vi: "tệp không tồn tại hoặc không đọc được",
                    en: "the file does not exist or cannot be read",
                    hint: XLSXReadError.Hint(
                        vi: "hãy kiểm tra đường dẫn và quyền đọc tệp", en: "check the path and the file's permissions"))
            }
            signature = (try? handle.read(upToCount: 8)) ?? Data()
            try? handle.close()
        }
        // A zip archive starts with a local file header, "PK\u{3}\u{4}"; checking it first gives a clear
        // message for CSV files renamed to .xlsx, old .xls files, encrypted workbooks and random bytes.
        guard signature.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Self.notZip(signature: signature, source: source, path: path)
        }
        do {
            switch source {
            case .file(let url): archive = try Archive(url: url, accessMode: .read)
            }
        } catch {
            throw XLSXReadError(
                .notZip, path: path,
                vi: "không phải tệp .xlsx hợp lệ: tệp nén zip bị hỏng hoặc bị cắt cụt (không đọc được mục lục của nó)",
                en: "not an xlsx file: the zip archive is damaged or truncated (its directory cannot be read)",
                hint: .truncated)
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive where entry.type == .file {
            count += 1
            guard count <= limits.entries else {
                throw XLSXReadError(
                    .tooLarge, path: path,
                    vi: "tệp nén có hơn \(limits.entries) mục; một tệp .xlsx thật chỉ có vài chục",
                    en: "the archive lists more than \(limits.entries) entries; a real .xlsx file has a few dozen",
                    hint: .resave)
            }
            entries[entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path] = entry
        }
        self.entries = entries
    }

    /// The error for a file that is not a zip archive: an encrypted workbook, an .xls workbook, or anything else.
    private static func notZip(signature: Data, source: Source, path: String) -> XLSXReadError {
        // Both encrypted .xlsx files and .xls workbooks are OLE compound files (MS-CFB); an encrypted workbook
        // holds the streams "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO §2.3.4), named in UTF-16LE in
        // the compound file's directory.
        guard signature == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) else {
            return XLSXReadError(
                .notZip, path: path, vi: "không phải tệp .xlsx (không phải tệp nén zip)",
                en: "not an xlsx file (it is not a zip archive)", hint: .resave)
        }
        if containsEncryptedPackage(source) {
            return XLSXReadError(
                .passwordProtected, path: path,
                vi: "bảng tính được bảo vệ bằng mật khẩu (đã mã hóa), nên không đọc được",
                en: "the workbook is password-protected (encrypted), so it cannot be read",
                hint: XLSXReadError.Hint(
                    vi: "hãy mở tệp bằng mật khẩu trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › "
                        + "Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại",
                    en: "open it with its password in Excel, remove the password (File › Info › Protect Workbook › "
                        + "Encrypt with Password, left empty) and save it again"))
        }
        return XLSXReadError(
            .notZip, path: path, vi: "không phải tệp .xlsx: đây là bảng tính Excel 97–2003 (.xls) kiểu cũ",
            en: "not an xlsx file: it is an old Excel 97–2003 (.xls) workbook", hint: .resave)
    }

    /// Whether an OLE compound file names an `EncryptedPackage` stream, read in chunks of 1 MiB.
    private static func containsEncryptedPackage(_ source: Source) -> Bool {
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] })
        switch source {
        case .file(let url):
            guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
            defer { try? handle.close() }
            var tail = Data()
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                let window = tail + chunk
                if window.range(of: name) != nil { return true }
                tail = window.suffix(name.count - 1)
            }
            return false
        }
    }

    func contains(_ part: String) -> Bool { entries[part] != nil }

    /// Parses one part with a handler, streaming it from the archive into expat.
    ///
    /// - Throws: ``XLSXReadError``: `missingPart`, `emptyPart`, `truncatedXML`, `malformedXML`,
    ///   `doctypeForbidden`, `tooLarge`, or what the handler throws.
    func parse(_ part: String, with handler: XMLHandler) throws(XLSXReadError) {
        guard let entry = entries[part] else {
            throw XLSXReadError(
                .missingPart, path: path, part: part, vi: "tệp bảng tính thiếu phần \(part)",
                en: "the workbook has no part \(part)", hint: .damaged)
        }
        let parser = try XMLStreamParser(handler: handler, part: part, path: path)
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        var partBytes = 0
        var failure: XLSXReadError?
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10) { chunk in
                partBytes += chunk.count
                inflated += chunk.count
                do throws(XLSXReadError) {
                    try checkSize(part: part, partBytes: partBytes, compressed: compressed)
                } catch {
                    failure = error
                }
                if failure == nil {
                    chunk.withUnsafeBytes { bytes in
                        do throws(XLSXReadError) { try parser.feed(bytes, isFinal: false) } catch { failure = error }
                    }
                }
                if let failure { throw failure }
            }
        } catch {
            if let failure { throw failure }
            throw Self.extractionError(error, part: part, path: path)
        }
        if partBytes == 0 {
            throw XLSXReadError(
                .emptyPart, path: path, part: part, vi: "phần \(part) rỗng (0 byte)",
                en: "the part \(part) is empty (0 bytes)", hint: .damaged)
        }
        try parser.finish()
    }

    private func checkSize(part: String, partBytes: Int, compressed: Int) throws(XLSXReadError) {
        let hint = XLSXReadError.Hint(
            vi: "tệp này có thể là 'bom zip'; nếu là dữ liệu thật, hãy chia nó thành nhiều tệp nhỏ hơn",
            en: "the file may be a zip bomb; if the data is real, split it into smaller files")
        if partBytes > limits.partSize {
            throw XLSXReadError(
                .tooLarge, path: path, part: part,
                vi: "phần \(part) giải nén ra hơn \(Self.megabytes(limits.partSize)), quá giới hạn cho một phần",
                en:
                    "the part \(part) inflates to more than \(Self.megabytes(limits.partSize)), over the limit for a part",
                hint: hint)
        }
        if inflated > limits.packageSize {
            throw XLSXReadError(
                .tooLarge, path: path, part: part,
                vi: "các phần của tệp giải nén ra hơn \(Self.megabytes(limits.packageSize)), quá giới hạn cho một tệp",
                en: "the parts of the file inflate to more than \(Self.megabytes(limits.packageSize)), "
                    + "over the limit for a file",
                hint: hint)
        }
        if partBytes > limits.ratioGrace, partBytes / compressed > limits.ratio {
            throw XLSXReadError(
                .tooLarge, path: path, part: part,
                vi: "phần \(part) giải nén ra hơn \(limits.ratio) lần kích thước nén (\(compressed) byte nén)",
                en: "the part \(part) inflates to more than \(limits.ratio) times its compressed size "
                    + "(\(compressed) compressed bytes)",
                hint: hint)
        }
    }

    /// A limit for a message: `128 MB`, or `2048 B` below a megabyte.
    static func megabytes(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) B" }

    /// A failure of ZIPFoundation while inflating, in words (never its own error names).
    private static func extractionError(_ error: any Error, part: String, path: String) -> XLSXReadError {
        let (vi, en): (String, String)
        switch error as? Archive.ArchiveError {
        case .invalidCRC32?:
            (vi, en) = (
                "dữ liệu của phần \(part) bị hỏng (sai tổng kiểm tra CRC)",
                "the data of the part \(part) is damaged (its CRC checksum is wrong)"
            )
        case .invalidCompressionMethod?:
            (vi, en) = (
                "phần \(part) được nén bằng phương pháp không hỗ trợ (chỉ hỗ trợ deflate hoặc không nén)",
                "the part \(part) uses an unsupported compression method (only deflate or stored)"
            )
        default:
            (vi, en) = (
                "không giải nén được phần \(part): dữ liệu nén bị hỏng hoặc bị cắt cụt",
                "the part \(part) cannot be inflated: its compressed data is damaged or truncated"
            )
        }
        return XLSXReadError(.missingPart, path: path, part: part, vi: vi, en: en, hint: .truncated)
    }

    /// The relationships part of a part: `_rels/.rels` for the package, `xl/_rels/workbook.xml.rels` for
    /// `xl/workbook.xml`.
    static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// The relationships of a part ("" for the package itself); none when the part has no relationships part.
    func relationships(of part: String) throws(XLSXReadError) -> [Relationship] {
        let relsPart = part.isEmpty ? "_rels/.rels" : Self.relationshipsPart(of: part)
        guard contains(relsPart) else { return [] }
        let handler = RelationshipsHandler()
        try parse(relsPart, with: handler)
        let directory = part.split(separator: "/").dropLast().map(String.init)
        return handler.relationships.compactMap { raw in
            guard !raw.isExternal else { return nil }
            return Relationship(id: raw.id, type: raw.type, target: Self.resolve(raw.target, from: directory))
        }
    }

    /// Resolves a relationship target: absolute (`/xl/…`) from the root, relative from the source's folder.
    static func resolve(_ target: String, from directory: [String]) -> String {
        var components = target.hasPrefix("/") ? [] : directory
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}

@available(*, unavailable) extension XLSXPackage: Sendable {}

/// Collects `<Relationship Id Type Target TargetMode>` elements.
final class RelationshipsHandler: XMLHandler {
    struct Raw {
        var id: String
        var type: String
        var target: String
        var isExternal: Bool
    }

    var relationships: [Raw] = []

    override func start(_ element: String, _ attributes: borrowing XMLAttributes) throws(XLSXReadError) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships.append(
            Raw(
                id: id, type: attributes["Type"] ?? "", target: target,
                isExternal: attributes["TargetMode"] == "External"))
    }
}
