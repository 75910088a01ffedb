import CExpat
import Foundation

/// Receives the events of one part's XML, with element names stripped of their prefixes (attribute names keep
/// theirs).
///
/// Subclasses override what they need; an error thrown from a handler stops the parse and is rethrown.
class XMLHandler {
    func start(_ element: String, _ attributes: borrowing XMLAttributes) throws(XLSXReadError) {}
    func end(_ element: String) throws(XLSXReadError) {}
    /// Text content (character data and CDATA), in one or more pieces per text node, as UTF-8.
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// The attributes of one start tag, valid only while the handler's `start` runs: the type cannot be copied, so
/// a handler cannot keep it (expat frees the strings when the callback returns).
struct XMLAttributes: ~Copyable {
    /// expat's array: name, value, name, value, …, NULL.
    fileprivate let pairs: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?

    /// The value of the attribute with this name, as written (with its prefix: `r:id`, `xml:space`).
    subscript(_ name: StaticString) -> String? {
        guard var cursor = pairs else { return nil }
        let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        while let key = cursor[0] {
            if strcmp(key, wanted) == 0, let value = cursor[1] { return String(cString: value) }
            cursor += 2
        }
        return nil
    }

    /// The value of the first attribute whose name ends with `suffix`, such as `:id` whatever the prefix.
    func value(endingWith suffix: StaticString) -> String? {
        guard var cursor = pairs else { return nil }
        let suffixLength = suffix.utf8CodeUnitCount
        let wanted = UnsafeRawPointer(suffix.utf8Start).assumingMemoryBound(to: CChar.self)
        while let key = cursor[0] {
            let length = strlen(key)
            if length >= suffixLength, strcmp(key + (length - suffixLength), wanted) == 0, let value = cursor[1] {
                return String(cString: value)
            }
            cursor += 2
        }
        return nil
    }
}

/// One streaming parse of one part with expat (https://libexpat.github.io), fed in chunks as the part inflates.
///
/// This file holds every call into expat. The parser owns its `XML_Parser`, frees it in `deinit`, and never lets
/// it escape. It refuses any document type declaration: OOXML parts never have one (ECMA-376 Part 2 §8.1.4
/// "The package implementer shall not map … DTD declarations"), and refusing it at `<!DOCTYPE` rules out
/// internal and external entities and entity expansion bombs before they are read. Without a DTD, expat
/// reports any entity other than the five predefined ones as "undefined entity".
final class XMLStreamParser {
    private let parser: XML_Parser
    private let handler: XMLHandler
    private let part: String
    private let path: String
    /// The first error raised by a handler or by the DOCTYPE check; expat is stopped when it is set.
    private var failure: XLSXReadError?
    /// Whether `failure` is set: checked on every callback, where copying the optional error would cost.
    private var stopped = false
    private var sawRoot = false
    private var sawDeclaration = false
    private var fed = 0
    private var leadingBytes: [UInt8] = []

    init(handler: XMLHandler, part: String, path: String) throws(XLSXReadError) {
        // NULL encoding: the document's own declaration (or UTF-8/UTF-16 by its first bytes) decides, as XML
        // requires. Names and text reach the handlers as UTF-8 whatever the document's encoding.
        guard let parser = XML_ParserCreate(nil) else {
            throw XLSXReadError(
                .tooLarge, path: path, part: part, vi: "không đủ bộ nhớ để đọc phần này",
                en: "not enough memory to read this part", hint: .freeMemory)
        }
        self.parser = parser
        self.handler = handler
        self.part = part
        self.path = path
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, startElement, endElement)
        XML_SetCharacterDataHandler(parser, characterData)
        XML_SetStartDoctypeDeclHandler(parser, startDoctype)
        XML_SetEntityDeclHandler(parser, entityDeclaration)
        XML_SetXmlDeclHandler(parser, xmlDeclaration)
    }

    deinit {
        XML_ParserFree(parser)
    }

    /// Parses the next piece of the part.
    ///
    /// - Parameters:
    ///   - bytes: the next bytes, in any split (expat keeps incomplete tokens for the next call).
    ///   - isFinal: whether this is the end of the part.
    func feed(_ bytes: UnsafeRawBufferPointer, isFinal: Bool) throws(XLSXReadError) {
        if leadingBytes.count < 5 { leadingBytes += bytes.prefix(5 - leadingBytes.count) }
        var rest = bytes
        // XML_Parse takes an int length; chunks from the package are far smaller, but split anyway.
        repeat {
            let piece = UnsafeRawBufferPointer(rebasing: rest.prefix(1 << 30))
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(piece.count))
            let last = isFinal && rest.isEmpty
            let status = XML_Parse(
                parser, piece.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(piece.count), last ? 1 : 0)
            fed += piece.count
            if stopped, let failure { throw failure }
            if status != XML_STATUS_OK { throw error(isFinal: last) }
        } while !rest.isEmpty
    }

    /// Ends the part: a part that stops inside an element or a tag is truncated.
    func finish() throws(XLSXReadError) {
        try feed(UnsafeRawBufferPointer(start: nil, count: 0), isFinal: true)
    }

    // MARK: - Errors

    private var line: Int { Int(XML_GetCurrentLineNumber(parser)) }
    private var column: Int { Int(XML_GetCurrentColumnNumber(parser)) + 1 }

    /// expat's error as the reader's: truncation, emptiness and a truncated declaration have their own messages;
    /// anything else names the line and column and what expat found there, in words (never expat's own text).
    private func error(isFinal: Bool) -> XLSXReadError {
        let code = XML_GetErrorCode(parser)
        let endOfInput =
            isFinal
            && [
                XML_ERROR_NO_ELEMENTS, XML_ERROR_UNCLOSED_TOKEN, XML_ERROR_PARTIAL_CHAR,
                XML_ERROR_UNCLOSED_CDATA_SECTION,
            ]
            .contains(code)
        if endOfInput && !sawRoot {
            if leadingBytes.starts(with: Array("<?xml".utf8)) && !sawDeclaration {
                return XLSXReadError(
                    .truncatedXML, path: path, part: part, line: line,
                    vi: "phần \(part) bị cắt cụt ngay trong khai báo XML (<?xml …?>)",
                    en: "the part \(part) is cut off inside its XML declaration (<?xml …?>)", hint: .truncated)
            }
            return XLSXReadError(
                .emptyPart, path: path, part: part,
                vi: "phần \(part) không có nội dung (\(fed) byte, không có phần tử XML nào)",
                en: "the part \(part) is empty (\(fed) bytes, no XML element)", hint: .damaged)
        }
        if endOfInput {
            return XLSXReadError(
                .truncatedXML, path: path, part: part, line: line,
                vi: "phần \(part) bị cắt cụt: XML dừng ở dòng \(line) khi chưa đóng hết các thẻ",
                en: "the part \(part) is cut off: its XML stops at line \(line) before every element is closed",
                hint: .truncated)
        }
        let (vi, en) = Self.reason(code)
        return XLSXReadError(
            .malformedXML, path: path, part: part, line: line,
            vi: "XML không hợp lệ ở dòng \(line), cột \(column): \(vi)",
            en: "the XML is malformed at line \(line), column \(column): \(en)", hint: .damaged)
    }

    /// What expat found, in words a user can act on.
    private static func reason(_ code: XML_Error) -> (String, String) {
        switch code {
        case XML_ERROR_INVALID_TOKEN:
            (
                "ký tự hoặc byte không hợp lệ (ví dụ byte không phải UTF-8, hay dấu < trong giá trị thuộc tính)",
                "an invalid character or byte (such as a byte that is not UTF-8, or a < inside an attribute value)"
            )
        case XML_ERROR_TAG_MISMATCH: ("thẻ đóng không khớp với thẻ mở", "a closing tag does not match its opening tag")
        case XML_ERROR_DUPLICATE_ATTRIBUTE:
            ("một thuộc tính lặp lại trong cùng thẻ", "an attribute is repeated in one tag")
        case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
            ("có nội dung sau phần tử gốc", "there is content after the root element")
        case XML_ERROR_UNDEFINED_ENTITY:
            (
                "tham chiếu thực thể không xác định (chỉ cho phép &amp; &lt; &gt; &quot; &apos;)",
                "an undefined entity reference (only &amp; &lt; &gt; &quot; &apos; are allowed)"
            )
        case XML_ERROR_BAD_CHAR_REF: ("tham chiếu ký tự không hợp lệ (&#…;)", "an invalid character reference (&#…;)")
        case XML_ERROR_UNKNOWN_ENCODING, XML_ERROR_INCORRECT_ENCODING:
            (
                "bảng mã không được hỗ trợ hoặc không đúng với nội dung",
                "an encoding that is not supported or does not match the content"
            )
        case XML_ERROR_MISPLACED_XML_PI:
            ("khai báo XML không nằm ở đầu phần", "the XML declaration is not at the start of the part")
        case XML_ERROR_XML_DECL: ("khai báo XML sai (<?xml …?>)", "a malformed XML declaration (<?xml …?>)")
        case XML_ERROR_UNBOUND_PREFIX: ("tiền tố không gian tên chưa khai báo", "an undeclared namespace prefix")
        case XML_ERROR_ASYNC_ENTITY, XML_ERROR_RECURSIVE_ENTITY_REF, XML_ERROR_AMPLIFICATION_LIMIT_BREACH:
            ("thực thể không được phép", "an entity, which is not allowed")
        default: ("cú pháp XML sai", "the XML syntax is wrong")
        }
    }

    // MARK: - Callbacks (run inside XML_Parse)

    fileprivate func stop(_ error: XLSXReadError) {
        guard !stopped else { return }
        var error = error
        if error.line == nil { error.line = line }
        failure = error
        stopped = true
        XML_StopParser(parser, 0)
    }

    fileprivate func start(_ name: UnsafePointer<XML_Char>, _ pairs: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?) {
        guard !stopped else { return }
        sawRoot = true
        do {
            try handler.start(Self.localName(name), XMLAttributes(pairs: pairs))
        } catch {
            stop(error)
        }
    }

    fileprivate func end(_ name: UnsafePointer<XML_Char>) {
        guard !stopped else { return }
        do {
            try handler.end(Self.localName(name))
        } catch {
            stop(error)
        }
    }

    fileprivate func characters(_ text: UnsafePointer<XML_Char>, _ length: Int32) {
        guard !stopped, length > 0 else { return }
        text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            handler.characters(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    fileprivate func doctype() {
        stop(
            XLSXReadError(
                .doctypeForbidden, path: path, part: part,
                vi: "phần \(part) có khai báo DOCTYPE; tệp .xlsx không bao giờ cần khai báo này, và nó có thể chứa "
                    + "thực thể làm sai lệch hoặc phình to dữ liệu",
                en: "the part \(part) has a DOCTYPE declaration; an .xlsx file never needs one, and it can hold "
                    + "entities that change or blow up the data",
                hint: .resave))
    }

    fileprivate func declaration() { sawDeclaration = true }

    /// The name without its namespace prefix: `x:row` → `row`.
    private static func localName(_ name: UnsafePointer<XML_Char>) -> String {
        guard let colon = strrchr(name, Int32(UInt8(ascii: ":"))) else { return String(cString: name) }
        return String(cString: colon + 1)
    }
}

private func parser(_ userData: UnsafeMutableRawPointer?) -> XMLStreamParser? {
    userData.map { Unmanaged<XMLStreamParser>.fromOpaque($0).takeUnretainedValue() }
}

private func startElement(
    _ userData: UnsafeMutableRawPointer?, _ name: UnsafePointer<XML_Char>?,
    _ attributes: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?
) {
    guard let name else { return }
    parser(userData)?.start(name, attributes)
}

private func endElement(_ userData: UnsafeMutableRawPointer?, _ name: UnsafePointer<XML_Char>?) {
    guard let name else { return }
    parser(userData)?.end(name)
}

private func characterData(_ userData: UnsafeMutableRawPointer?, _ text: UnsafePointer<XML_Char>?, _ length: Int32) {
    guard let text else { return }
    parser(userData)?.characters(text, length)
}

private func startDoctype(
    _ userData: UnsafeMutableRawPointer?, _ name: UnsafePointer<XML_Char>?, _ systemID: UnsafePointer<XML_Char>?,
    _ publicID: UnsafePointer<XML_Char>?, _ hasInternalSubset: Int32
) {
    parser(userData)?.doctype()
}

private func entityDeclaration(
    _ userData: UnsafeMutableRawPointer?, _ name: UnsafePointer<XML_Char>?, _ isParameterEntity: Int32,
    _ value: UnsafePointer<XML_Char>?, _ valueLength: Int32, _ base: UnsafePointer<XML_Char>?,
    _ systemID: UnsafePointer<XML_Char>?, _ publicID: UnsafePointer<XML_Char>?,
    _ notationName: UnsafePointer<XML_Char>?
) {
    parser(userData)?.doctype()
}

private func xmlDeclaration(
    _ userData: UnsafeMutableRawPointer?, _ version: UnsafePointer<XML_Char>?, _ encoding: UnsafePointer<XML_Char>?,
    _ standalone: Int32
) {
    parser(userData)?.declaration()
}
