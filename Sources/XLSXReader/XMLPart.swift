import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Receives the events of one part's XML, with element names stripped of their prefixes (attribute names keep
/// theirs).
///
/// Subclasses override what they need; an error thrown from a handler stops the parse and is rethrown.
class XMLHandler {
    func start(_ element: String, _ attributes: [String: String]) throws(XLSXReadError) {}
    func end(_ element: String) throws(XLSXReadError) {}
    func characters(_ text: String) {}
}

/// Parses one part with Foundation's `XMLParser`.
enum XMLPart {
    /// Parts larger than this are parsed from a stream: on Linux, `XMLParser(data:)` fails on documents over
    /// 10,000,000 bytes (swift-corelibs-foundation hands the whole buffer to libxml2 at once).
    static let defaultStreamThreshold = 8_000_000

    static func parse(
        _ data: Data, part: String, path: String, handler: XMLHandler,
        streamThreshold: Int = defaultStreamThreshold
    ) throws(XLSXReadError) {
        let parser = data.count > streamThreshold ? XMLParser(stream: InputStream(data: data)) : XMLParser(data: data)
        let delegate = Delegate(handler: handler)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let succeeded = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard succeeded else {
            let reason = parser.parserError.map { "\(($0 as NSError).localizedDescription)" } ?? "unknown error"
            throw XLSXReadError(
                .malformedXML, path: path, part: part, line: parser.lineNumber,
                message: "the XML is malformed (\(reason))",
                hint: "the workbook is damaged; open and save it again in the spreadsheet application")
        }
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: XMLHandler
        var failure: XLSXReadError?

        init(handler: XMLHandler) { self.handler = handler }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard failure == nil else { return }
            // Attribute names keep their prefixes (`r:id`, `xml:space`); handlers look them up as written.
            // Copying the dictionary for every element would triple the time a large sheet takes.
            do {
                try handler.start(XMLPart.localName(elementName), attributeDict)
            } catch {
                fail(error, parser)
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard failure == nil else { return }
            do {
                try handler.end(XMLPart.localName(elementName))
            } catch {
                fail(error, parser)
            }
        }

        private func fail(_ error: XLSXReadError, _ parser: XMLParser) {
            var error = error
            if error.line == nil { error.line = parser.lineNumber }
            failure = error
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handler.characters(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.characters(String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}

extension String {
    /// Decodes the `_xHHHH_` escapes that Office uses for control characters in strings (ECMA-376 ST_Xstring).
    var decodingOfficeEscapes: String {
        guard contains("_x") else { return self }
        var result = ""
        var rest = self[...]
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let afterX = rest[start.upperBound...]
            let hex = afterX.prefix(4)
            if hex.count == 4, afterX.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = afterX.dropFirst(5)
            } else {
                result += "_x"
                rest = afterX
            }
        }
        return result + rest
    }
}
