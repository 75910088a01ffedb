/// The fields of an `application/x-www-form-urlencoded` body or query, in order; repeated names keep every value.
struct FormFields: Sendable {
    var pairs: [(name: String, value: String)] = []

    init() {}

    /// Parses `a=1&b=x+y&c=%C3%A1`.
    init(urlEncoded text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// `+` is a space; `%XX` bytes are UTF-8; a malformed escape is kept as written.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let h = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex),
                let l = utf8.index(i, offsetBy: 2, limitedBy: utf8.endIndex), l < utf8.endIndex,
                let hi = hex(utf8[h]), let lo = hex(utf8[l])
            {
                bytes.append(hi << 4 | lo)
                i = l
            } else {
                bytes.append(byte)
            }
            i = utf8.index(after: i)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// An uploaded file of a `multipart/form-data` body.
struct UploadedFile: Sendable {
    var field: String
    var filename: String
    var bytes: [UInt8]
}

/// A `multipart/form-data` body (RFC 7578): its text fields and its files.
struct MultipartBody: Sendable {
    var fields = FormFields()
    var files: [UploadedFile] = []

    init(fields: FormFields, files: [UploadedFile]) {
        self.fields = fields
        self.files = files
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let p = parameter.trimmingSpaces()
            if p.lowercased().hasPrefix("boundary=") {
                var value = String(p.dropFirst("boundary=".count))
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// Parses a body; nil when it is not well-formed multipart.
    init?(bytes: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var position = 0
        guard let first = Self.find(delimiter, in: bytes, from: 0) else { return nil }
        position = first + delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if bytes.count >= position + 2, bytes[position] == 45, bytes[position + 1] == 45 { return }
            guard bytes.count >= position + 2, bytes[position] == 13, bytes[position + 1] == 10 else { return nil }
            position += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: bytes, from: position) else { return nil }
            let headers = String(decoding: bytes[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Self.find([13, 10] + delimiter, in: bytes, from: contentStart) else { return nil }
            let content = Array(bytes[contentStart..<next])
            var name: String?
            var filename: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                filename = Self.parameter("filename", in: line)
            }
            if let name {
                if let filename {
                    if !filename.isEmpty || !content.isEmpty {
                        files.append(UploadedFile(field: name, filename: filename, bytes: content))
                    }
                } else {
                    fields.pairs.append((name, String(decoding: content, as: UTF8.self)))
                }
            }
            position = next + 2 + delimiter.count
        }
    }

    private static func parameter(_ key: String, in line: Substring) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let p = piece.trimmingSpaces()
            guard p.hasPrefix(key + "=") else { continue }
            var value = String(p.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
