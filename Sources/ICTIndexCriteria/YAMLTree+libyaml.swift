// The only file that calls libyaml. libyaml is the C library Yams is built on; Yams compiles it as its target
// `CYaml`, and SwiftPM makes the module of every C target of a dependency visible to its dependents (the Yams
// product brings `CYaml` with it, as it must for `import Yams` to compile). Yams keeps its event API private, so the
// criteria reader walks libyaml's events itself here, the same calls and the same order as Yams' `Parser`
// (`.build/checkouts/Yams/Sources/Yams/Parser.swift`: `init(yaml:)`, `singleRoot()`, `loadNode(from:)`).
import CYaml

extension YAMLTree {
    /// What composing a text from libyaml's events gave.
    enum Composition {
        /// The text's single document.
        case document(YAMLTree)
        /// The text holds no document at all (only comments or spaces): `Yams.compose` gives nil.
        case empty
        /// The text needs Yams' composer, which reports its problems: a YAML syntax error, an alias (`*name`, with
        /// the "billion laughs" guard), two keys with the same text in one mapping, a key that is a list or a
        /// mapping, several documents, or more than `maxValues` values.
        case needsYams
    }

    /// Composes a text from libyaml's events, as `Yams.compose(yaml:, Resolver.basic)` composes it, without
    /// building Yams' `Node` tree.
    ///
    /// Where the text is well formed, has no alias and no duplicate key, the table is the one
    /// ``YAMLTree/init(_:file:)`` makes of Yams' tree: the same values, texts, styles and places (libyaml's
    /// marks, 1-based). Everything else is left to Yams (``Composition/needsYams``), so that every message about
    /// the YAML itself stays the one Yams gives.
    ///
    /// - Complexity: O(n) in the size of the text.
    static func compose(yaml: String, file: String, maxValues: Int) -> Composition {
        var text = yaml
        // `withUTF8` gives the string's own bytes (native strings are contiguous UTF-8); libyaml reads them in place,
        // so every call that can read them happens inside the closure.
        return text.withUTF8 { bytes in
            // `yaml_parser_set_input_string` asserts a non-NULL input; an empty text goes the usual way.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .needsYams }
            var composer = EventComposer(file: file, maxValues: maxValues)
            // Room for one value per two bytes of text, which real files never exceed (the table still grows if
            // one does), so the table is not copied to grow; the pages it never writes to cost no memory.
            composer.entries.reserveCapacity(min(bytes.count / 2, maxValues) + 1)
            return composer.compose(base, count: bytes.count)
        }
    }
}

/// Turns libyaml's event stream into a ``YAMLTree``.
///
/// It owns one `yaml_parser_t` and one `yaml_event_t`, both allocated on the heap (so their addresses stay put
/// while libyaml holds them), for the duration of ``compose(_:count:)`` only: the parser is deleted and both are
/// freed before it returns, and each event is deleted as soon as it is read. No libyaml pointer leaves this type.
private struct EventComposer: ~Copyable {
    let file: String
    let maxValues: Int

    /// The table built so far.
    var entries: [YAMLTree.Entry] = []
    /// The lists and mappings still open, innermost last.
    var open: [Container] = []
    /// The keys of the open mappings, each mapping's after those of the mappings around it.
    var keys: [String] = []

    /// A list or a mapping not closed yet.
    struct Container {
        /// Its entry.
        var index: Int
        var isMapping: Bool
        /// The items (list) or the keys and values (mapping) read so far.
        var children: Int32 = 0
        /// Where its keys start in `keys`.
        var firstKey: Int
    }

    init(file: String, maxValues: Int) {
        self.file = file
        self.maxValues = maxValues
    }

    mutating func compose(_ input: UnsafePointer<UInt8>, count: Int) -> YAMLTree.Composition {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            event.deallocate()
            parser.deallocate()
        }
        // "Returns: 1 if the function succeeded, 0 on error" (yaml.h, yaml_parser_initialize); on success it must be
        // matched by yaml_parser_delete.
        guard yaml_parser_initialize(parser) == 1 else { return .needsYams }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input, count)

        // Yams: `startParse` drops YAML_STREAM_START_EVENT; `singleRoot` returns nil on YAML_STREAM_END_EVENT and
        // otherwise drops YAML_DOCUMENT_START_EVENT.
        guard let stream = next(parser, event), stream == YAML_STREAM_START_EVENT else { return .needsYams }
        guard let first = next(parser, event) else { return .needsYams }
        if first == YAML_STREAM_END_EVENT { return .empty }
        guard first == YAML_DOCUMENT_START_EVENT else { return .needsYams }

        // The root and everything under it.
        repeat {
            // "An application is responsible for freeing any buffers associated with the produced event object
            // using the yaml_event_delete function" (yaml.h, yaml_parser_parse).
            guard yaml_parser_parse(parser, event) == 1 else { return .needsYams }
            let accepted = add(event.pointee)
            yaml_event_delete(event)
            guard accepted, entries.count <= maxValues else { return .needsYams }
        } while !open.isEmpty

        // Yams drops YAML_DOCUMENT_END_EVENT, then expects YAML_STREAM_END_EVENT ("expected a single document").
        guard next(parser, event) == YAML_DOCUMENT_END_EVENT, next(parser, event) == YAML_STREAM_END_EVENT else {
            return .needsYams
        }
        return .document(YAMLTree(file: file, entries: entries))
    }

    /// Reads one event and deletes it; nil on a libyaml error.
    private func next(
        _ parser: UnsafeMutablePointer<yaml_parser_t>, _ event: UnsafeMutablePointer<yaml_event_t>
    ) -> yaml_event_type_t? {
        guard yaml_parser_parse(parser, event) == 1 else { return nil }
        let type = event.pointee.type
        yaml_event_delete(event)
        return type
    }

    /// Adds one event of the document's root to the table; false when the text needs Yams.
    private mutating func add(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            // libyaml checks that the text is UTF-8 ("invalid leading UTF-8 octet" …) and gives the scalar in UTF-8.
            // Yams makes its text with `String(bytes:encoding: .utf8)`; a text that begins with a byte-order mark is
            // left to Yams, in case Foundation drops the mark.
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return false }
            let string = String(decoding: bytes, as: UTF8.self)
            let style = YAMLTree.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
            guard child(isScalarKey: true, text: string) else { return false }
            let index = entries.count
            entries.append(entry(event, string: string, kind: .scalar, style: style, end: index + 1))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard child(isScalarKey: false, text: "") else { return false }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            open.append(Container(index: entries.count, isMapping: isMapping, firstKey: keys.count))
            entries.append(
                entry(event, string: "", kind: isMapping ? .mapping : .sequence, style: .any, end: entries.count + 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let container = open.popLast() else { return false }
            let index = container.index
            entries[index].count = container.isMapping ? container.children / 2 : container.children
            entries[index].end = Int32(truncatingIfNeeded: entries.count)
            if container.isMapping {
                // Yams refuses a mapping whose keys repeat (`Parser.checkDuplicates`): any two keys with the same text
                // go to Yams, which decides and words the error.
                guard !Self.repeats(keys[container.firstKey...]) else { return false }
                keys.removeSubrange(container.firstKey...)
            }
        default:
            // YAML_ALIAS_EVENT: aliases are resolved, and counted against "billion laughs", by the Yams path.
            return false
        }
        return true
    }

    /// Counts a new value in the container it belongs to; false for a key that is not a scalar.
    private mutating func child(isScalarKey: Bool, text: String) -> Bool {
        guard let last = open.indices.last else { return true }
        if open[last].isMapping && open[last].children % 2 == 0 {
            guard isScalarKey else { return false }
            keys.append(text)
        }
        open[last].children += 1
        return true
    }

    private func entry(
        _ event: yaml_event_t, string: String, kind: YAMLTree.Kind, style: YAMLTree.Style, end: Int
    ) -> YAMLTree.Entry {
        // Yams: `Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)`.
        YAMLTree.Entry(
            string: string, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, count: 0,
            end: Int32(truncatingIfNeeded: end), kind: kind, style: style)
    }

    /// Whether two of a mapping's keys have the same text.
    private static func repeats(_ keys: ArraySlice<String>) -> Bool {
        if keys.count <= 16 {
            var i = keys.startIndex
            while i < keys.endIndex {
                var j = i + 1
                while j < keys.endIndex {
                    if keys[i] == keys[j] { return true }
                    j += 1
                }
                i += 1
            }
            return false
        }
        var seen = Set<String>(minimumCapacity: keys.count)
        for key in keys where !seen.insert(key).inserted { return true }
        return false
    }
}
