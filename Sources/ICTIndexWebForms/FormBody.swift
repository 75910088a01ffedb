/// The fields of an `application/x-www-form-urlencoded` body or query, in order; repeated names keep every value.
///
/// Lookups by name go through an index built once, so reading every field of a form is linear in its size.
package struct FormFields: Sendable {
    package private(set) var pairs: [(name: String, value: String)] = []
    /// The position of the first pair of each name.
    private var first: [String: Int] = [:]

    package init() {}

    /// Parses `a=1&b=x+y&c=%C3%A1`.
    ///
    /// - Throws: ``FormBodyError`` `tooManyFields` when it has more than `maxFields` fields (counted before any
    ///   is decoded).
    package init(urlEncoded text: String, maxFields: Int = .max) throws(FormBodyError) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var count = 0
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "&")) ?? utf8.endIndex
            if end > start {
                count += 1
                if count > maxFields { throw FormBodyError(.tooManyFields, limit: maxFields) }
                let pieces = text[start..<end].split(
                    separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                append(Self.decode(pieces[0]), pieces.count > 1 ? Self.decode(pieces[1]) : "")
            }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
    }

    /// Adds a field after the others.
    package mutating func append(_ name: String, _ value: String) {
        if first[name] == nil { first[name] = pairs.count }
        pairs.append((name, value))
    }

    /// The first value of a name.
    package subscript(name: String) -> String? { first[name].map { pairs[$0].value } }

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
            } else if byte == UInt8(ascii: "%"),
                let h = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex),
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
package struct UploadedFile: Sendable {
    package var field: String
    package var filename: String
    package var bytes: [UInt8]

    package init(field: String, filename: String, bytes: [UInt8]) {
        self.field = field
        self.filename = filename
        self.bytes = bytes
    }
}

/// The bounds a form body is read within.
package struct FormLimits: Sendable {
    /// The largest body, in bytes.
    package var maxBytes: Int
    /// The most fields and parts (files included).
    package var maxFields: Int
    /// The longest boundary: RFC 2046 §5.1.1 allows 1 to 70 characters.
    package var maxBoundary = 70
    /// The longest header block of one part.
    package var maxPartHeaderBytes = 4 * 1024

    /// Creates limits.
    package init(maxBytes: Int, maxFields: Int) {
        self.maxBytes = maxBytes
        self.maxFields = maxFields
    }
}

/// Why a form body was refused.
package struct FormBodyError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    package enum Code: Sendable, Equatable {
        case tooLarge, tooManyFields, badBoundary, malformed
    }

    package var code: Code
    /// The limit that was passed, for `tooLarge`, `tooManyFields` and `badBoundary`.
    package var limit: Int

    package init(_ code: Code, limit: Int = 0) {
        self.code = code
        self.limit = limit
    }

    package var description: String {
        switch code {
        case .tooLarge: "the body is larger than \(limit) bytes"
        case .tooManyFields: "the form has more than \(limit) fields"
        case .badBoundary: "the multipart boundary must have 1 to \(limit) characters (RFC 2046)"
        case .malformed: "the multipart/form-data body is malformed"
        }
    }
}

/// A form body (URL-encoded or `multipart/form-data`, RFC 7578): its text fields and its files.
package struct MultipartBody: Sendable {
    package var fields = FormFields()
    package var files: [UploadedFile] = []

    package init(fields: FormFields, files: [UploadedFile]) {
        self.fields = fields
        self.files = files
    }

    /// Parses a form body of any accepted content type within limits: the entry point of the fuzz target.
    ///
    /// For example:
    /// ```swift
    /// let body = try MultipartBody.parse(
    ///     bytes: Array("a=1&b=2".utf8), contentType: "application/x-www-form-urlencoded",
    ///     limits: FormLimits(maxBytes: 1024, maxFields: 10))
    /// ```
    ///
    /// - Complexity: O(*n* + *m*) for a body of *n* bytes and a boundary of *m*: every byte is looked at a bounded
    ///   number of times (the delimiter search is Knuth–Morris–Pratt), whatever the input.
    /// - Throws: ``FormBodyError``: `tooLarge`, `tooManyFields`, `badBoundary` (empty, or longer than
    ///   `limits.maxBoundary`), `malformed`.
    package static func parse(bytes: [UInt8], contentType: String, limits: FormLimits)
        throws(FormBodyError) -> Self
    {
        if bytes.count > limits.maxBytes { throw FormBodyError(.tooLarge, limit: limits.maxBytes) }
        if let boundary = try boundary(of: contentType, limits: limits) {
            return try Self(bytes: bytes, boundary: boundary, limits: limits)
        }
        let fields = try FormFields(
            urlEncoded: String(decoding: bytes, as: UTF8.self), maxFields: limits.maxFields)
        return Self(fields: fields, files: [])
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type; nil for other content types.
    ///
    /// - Throws: ``FormBodyError`` `badBoundary` for a multipart type without a boundary of 1 to 70 characters.
    package static func boundary(of contentType: String, limits: FormLimits) throws(FormBodyError) -> String? {
        // Only the media type and its parameters matter; a content type is short (the header limit bounds it).
        guard contentType.utf8.count >= 19, contentType.prefix(19).lowercased() == "multipart/form-data"
        else {
            return nil
        }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let p = parameter.trimmingSpaces()
            guard p.count >= 9, p.prefix(9).lowercased() == "boundary=" else { continue }
            var value = p.dropFirst(9)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = value.dropFirst().dropLast()
            }
            guard (1...limits.maxBoundary).contains(value.utf8.count) else {
                throw FormBodyError(.badBoundary, limit: limits.maxBoundary)
            }
            return String(value)
        }
        throw FormBodyError(.badBoundary, limit: limits.maxBoundary)
    }

    /// Parses a multipart body.
    private init(bytes: [UInt8], boundary: String, limits: FormLimits) throws(FormBodyError) {
        let delimiter = Array(("\r\n--" + boundary).utf8)
        let search = Search(delimiter)
        let headerEnd = Search([13, 10, 13, 10])
        // The first delimiter may start the body (no CRLF before it): search as if the body began with CRLF.
        var position: Int
        if bytes.starts(with: delimiter.dropFirst(2)) {
            position = delimiter.count - 2
        } else if let first = search.first(in: bytes, from: 0) {
            position = first + delimiter.count
        } else {
            throw FormBodyError(.malformed)
        }
        var parts = 0
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if bytes.count >= position + 2, bytes[position] == 45, bytes[position + 1] == 45 { return }
            guard bytes.count >= position + 2, bytes[position] == 13, bytes[position + 1] == 10 else {
                throw FormBodyError(.malformed)
            }
            parts += 1
            if parts > limits.maxFields { throw FormBodyError(.tooManyFields, limit: limits.maxFields) }
            position += 2
            let limit = min(bytes.count, position + limits.maxPartHeaderBytes + 4)
            guard let end = headerEnd.first(in: bytes[..<limit], from: position) else {
                throw FormBodyError(.malformed)
            }
            let headers = String(decoding: bytes[position..<end], as: UTF8.self)
            let contentStart = end + 4
            // The content ends at the next delimiter; the CRLF before it belongs to the delimiter.
            guard let next = search.first(in: bytes, from: contentStart) else {
                throw FormBodyError(.malformed)
            }
            let content = Array(bytes[contentStart..<next])
            var name: String?
            var filename: String?
            for line in headers.split(separator: "\r\n")
            where line.prefix(20).lowercased() == "content-disposition:" {
                name = Self.parameter("name", in: line)
                filename = Self.parameter("filename", in: line)
            }
            if let name {
                if let filename {
                    if !filename.isEmpty || !content.isEmpty {
                        files.append(UploadedFile(field: name, filename: filename, bytes: content))
                    }
                } else {
                    fields.append(name, String(decoding: content, as: UTF8.self))
                }
            }
            position = next + delimiter.count
        }
    }

    private static func parameter(_ key: String, in line: Substring) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let p = piece.trimmingSpaces()
            guard p.hasPrefix(key + "=") else { continue }
            var value = String(p.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    /// Knuth–Morris–Pratt search of one needle: linear in the haystack whatever its content (a naive search of
    /// a long boundary in a body made of near-matches is quadratic).
    struct Search {
        let needle: [UInt8]
        /// `failure[i]`: the length of the longest proper prefix of `needle[0...i]` that is also its suffix.
        private let failure: [Int]

        init(_ needle: [UInt8]) {
            precondition(!needle.isEmpty, "an empty needle")
            self.needle = needle
            var failure = [Int](repeating: 0, count: needle.count)
            var k = 0
            for i in 1..<max(needle.count, 1) {
                while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
                if needle[i] == needle[k] { k += 1 }
                failure[i] = k
            }
            self.failure = failure
        }

        /// Where the needle first starts at or after `start`, or nil.
        func first<Bytes: RandomAccessCollection<UInt8>>(in haystack: Bytes, from start: Int) -> Int?
        where Bytes.Index == Int {
            var k = 0
            var i = max(start, haystack.startIndex)
            while i < haystack.endIndex {
                let byte = haystack[i]
                while k > 0 && byte != needle[k] { k = failure[k - 1] }
                if byte == needle[k] { k += 1 }
                if k == needle.count { return i - needle.count + 1 }
                i += 1
            }
            return nil
        }
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
