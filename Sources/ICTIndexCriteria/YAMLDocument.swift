import ICTIndexCore
import Yams

/// A composed YAML document: every value of the document in one flat table, in document order.
///
/// The table is built from libyaml's events (``YAMLTree/compose(yaml:file:maxValues:)``, in
/// `YAMLTree+libyaml.swift`), or, for the rare file that needs Yams' composer (a syntax error, an alias, a
/// duplicate key, several documents), from the `Yams.Node` tree that `Yams.compose` gives. Both give the same
/// table for the same text. A value is an index into the table; a list's items and a mapping's keys and values
/// follow it, so nothing is copied to walk the document.
final class YAMLTree {
    /// What a value is.
    enum Kind: UInt8 {
        case scalar, sequence, mapping
    }

    /// How a scalar is written; the raw values are libyaml's `yaml_scalar_style_t` (and Yams' `Node.Scalar.Style`).
    enum Style: UInt8 {
        case any = 0
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// One value of the document.
    struct Entry: Equatable {
        /// The scalar's text; empty for a list or a mapping.
        var string: String
        /// Where the value starts, 1-based (0 when unknown).
        var line: Int
        var column: Int
        /// The number of items of a list, or of pairs of a mapping.
        var count: Int32
        /// The index just past the value and everything under it.
        var end: Int32
        var kind: Kind
        var style: Style
    }

    /// The file as the user named it.
    let file: String
    /// The values, in document order: a list's items follow it, and a mapping's key and value pairs.
    let entries: [Entry]

    init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// The place of a value in the file.
    func location(of index: Int) -> SourceLocation {
        let entry = entries[index]
        return SourceLocation(file: file, line: entry.line, column: entry.column)
    }

    /// The document's root value.
    var root: YAMLValue { YAMLValue(tree: self, index: 0) }
}

extension YAMLTree {
    /// The table of the tree `Yams.compose(yaml:, Resolver.basic)` makes of a text, nil without a document.
    ///
    /// - Throws: The `YamlError` Yams throws.
    static func composedByYams(yaml: String, file: String) throws -> YAMLTree? {
        try Yams.compose(yaml: yaml, Resolver.basic).map { YAMLTree($0, file: file) }
    }

    /// The table of a tree that `Yams.compose` gave, with the same entries that libyaml's events give.
    ///
    /// The walk keeps its own stack: through aliases, a tree may nest far deeper than its text.
    convenience init(_ root: Yams.Node, file: String) {
        var entries: [Entry] = []
        /// The nodes still to add, next last.
        var pending = [root]
        /// The lists and mappings whose children are not all added yet: their entry, and how many children remain.
        var open: [(index: Int, remaining: Int)] = []
        while let node = pending.popLast() {
            let mark = node.mark
            let index = entries.count
            var entry = Entry(
                string: "", line: mark?.line ?? 0, column: mark?.column ?? 0, count: 0, end: 0, kind: .scalar,
                style: .any)
            var children = 0
            switch node {
            case .scalar(let scalar):
                entry.string = scalar.string
                entry.style = Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
            case .sequence(let items):
                entry.kind = .sequence
                entry.count = Int32(truncatingIfNeeded: items.count)
                children = items.count
                pending.append(contentsOf: items.reversed())
            case .mapping(let pairs):
                entry.kind = .mapping
                entry.count = Int32(truncatingIfNeeded: pairs.count)
                children = 2 * pairs.count
                for (key, value) in pairs.reversed() {
                    pending.append(value)
                    pending.append(key)
                }
            case .alias:
                // `Yams.compose` replaces every alias by the node it names; an alias never reaches the reader.
                break
            }
            entries.append(entry)
            if children > 0 {
                open.append((index, children))
                continue
            }
            // The value is complete, and so is every container whose last child it was.
            entries[index].end = Int32(truncatingIfNeeded: entries.count)
            while let last = open.indices.last {
                open[last].remaining -= 1
                guard open[last].remaining == 0 else { break }
                entries[open[last].index].end = Int32(truncatingIfNeeded: entries.count)
                open.removeLast()
            }
        }
        self.init(file: file, entries: entries)
    }
}

/// A value of a composed YAML document, with the place in the file where it starts.
///
/// Criteria files are composed (not decoded), so every value keeps its line and column and every problem can be
/// reported there.
struct YAMLValue {
    /// The document.
    let tree: YAMLTree
    /// The value's entry in the document's table.
    let index: Int
    /// The entry whose place is the value's place: its own, or, for an empty value of a mapping, its key's.
    private let placeIndex: Int

    init(tree: YAMLTree, index: Int, placeIndex: Int? = nil) {
        self.tree = tree
        self.index = index
        self.placeIndex = placeIndex ?? index
    }

    private var entry: YAMLTree.Entry { tree.entries[index] }

    /// Where the value starts (for an empty value, where its key is).
    var location: SourceLocation { tree.location(of: placeIndex) }

    /// The scalar's text, unless the value is empty (`key:`, `~`, `null`), a list or a mapping.
    var string: String? {
        let entry = entry
        guard entry.kind == .scalar, !Self.isNull(entry) else { return nil }
        return entry.string
    }

    /// Whether the value is a scalar written without quotes (plain), and not empty.
    var isPlainScalar: Bool {
        let entry = entry
        return entry.kind == .scalar && (entry.style == .plain || entry.style == .any) && !Self.isNull(entry)
    }

    /// Whether the value is YAML's null: nothing after the key, `~` or `null`.
    var isNull: Bool { Self.isNull(entry) }

    private static func isNull(_ entry: YAMLTree.Entry) -> Bool {
        guard entry.kind == .scalar, entry.style == .plain || entry.style == .any else { return false }
        switch entry.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The items of a list.
    var sequence: [YAMLValue]? {
        let entry = entry
        guard entry.kind == .sequence else { return nil }
        var items: [YAMLValue] = []
        items.reserveCapacity(Int(entry.count))
        var child = index + 1
        for _ in 0..<entry.count {
            items.append(YAMLValue(tree: tree, index: child))
            child = Int(tree.entries[child].end)
        }
        return items
    }

    /// Whether the value is a mapping.
    var isMapping: Bool { entry.kind == .mapping }

    /// The key–value pairs of a mapping, in file order.
    var pairs: [(key: YAMLValue, value: YAMLValue)]? {
        let entry = entry
        guard entry.kind == .mapping else { return nil }
        var pairs: [(key: YAMLValue, value: YAMLValue)] = []
        pairs.reserveCapacity(Int(entry.count))
        var child = index + 1
        for _ in 0..<entry.count {
            let key = child
            let value = Int(tree.entries[key].end)
            child = Int(tree.entries[value].end)
            // An empty value has no useful mark of its own: point at its key.
            let valueEntry = tree.entries[value]
            let empty = Self.isNull(valueEntry) || valueEntry.line == 0
            pairs.append(
                (YAMLValue(tree: tree, index: key), YAMLValue(tree: tree, index: value, placeIndex: empty ? key : nil)))
        }
        return pairs
    }

    /// The text of a key of a mapping, without reporting anything (used to name things in messages).
    func peek(_ key: String) -> String? {
        let entry = entry
        guard entry.kind == .mapping else { return nil }
        var child = index + 1
        for _ in 0..<entry.count {
            let keyEntry = tree.entries[child]
            let value = Int(keyEntry.end)
            if keyEntry.kind == .scalar, keyEntry.string == key {
                return YAMLValue(tree: tree, index: value, placeIndex: placeIndex).string
            }
            child = Int(tree.entries[value].end)
        }
        return nil
    }

    /// Where the text of a scalar starts: after the opening quote of a quoted scalar.
    ///
    /// Block scalars (`|`, `>`) start on the next line, where columns cannot be mapped simply,
    /// so they point at the scalar itself.
    var textStart: SourceLocation {
        let entry = entry
        guard entry.kind == .scalar else { return location }
        switch entry.style {
        case .singleQuoted, .doubleQuoted: return location.advanced(byColumns: 1)
        default: return location
        }
    }

    /// Whether a column inside the scalar's text can be mapped to a column of the file.
    var mapsColumns: Bool {
        let entry = entry
        return entry.kind == .scalar && entry.style != .literal && entry.style != .folded
    }

    /// A short description of what the value is, for messages: `'abc'`, `a list of 2 items` (`một danh sách 2 mục`),
    /// `a mapping`, `nothing`.
    var summary: Words {
        let entry = entry
        if Self.isNull(entry) { return Words(vi: "giá trị trống", en: "nothing") }
        switch entry.kind {
        case .scalar: return .verbatim("'\(MessageText.echo(entry.string))'")
        case .sequence:
            let count = Int(entry.count)
            return Words(
                vi: "một danh sách \(count) mục",
                en: count == 1 ? "a list of 1 item" : "a list of \(count) items")
        case .mapping: return Words(vi: "các cặp khóa: giá trị", en: "a mapping")
        }
    }
}

/// The keys of one mapping, checked against the keys it may have.
///
/// The keys, their places and their values are kept in three arrays rather than one array of tuples: looking a
/// key up compares short strings only, and copies out nothing but the value found (a criteria file of 50,000
/// indicators looks up about a million keys).
struct Fields {
    /// The mapping itself.
    let value: YAMLValue
    /// The known keys, in file order.
    private let keys: [String]
    /// Where each key is written.
    private let keyLocations: [SourceLocation]
    /// Each key's value.
    private let values: [YAMLValue]

    init(value: YAMLValue, keys: [String], keyLocations: [SourceLocation], values: [YAMLValue]) {
        self.value = value
        self.keys = keys
        self.keyLocations = keyLocations
        self.values = values
    }

    /// The value of a key, if the mapping has it.
    subscript(key: String) -> YAMLValue? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    /// Where a key is written.
    func keyLocation(_ key: String) -> SourceLocation? {
        keys.firstIndex(of: key).map { keyLocations[$0] }
    }

    /// Whether the mapping has a key.
    func has(_ key: String) -> Bool { keys.contains(key) }

    /// The place of the mapping.
    var location: SourceLocation { value.location }
}
