import ICTIndexCore
import Yams

/// A node of a composed YAML document, with the place in the file where it starts.
///
/// Criteria files are composed with `Yams.compose` (not decoded), so every value keeps its `Mark`
/// and every problem can be reported at its line and column.
struct YAMLValue {
    /// The composed node.
    let node: Yams.Node
    /// Where the node starts (for an empty value, where its key is).
    let location: SourceLocation

    init(_ node: Yams.Node, file: String) {
        self.node = node
        let mark = node.mark
        self.location = SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    init(_ node: Yams.Node, location: SourceLocation) {
        self.node = node
        self.location = location
    }

    /// The scalar, unless the value is empty (`key:`, `~`, `null`).
    var scalar: Yams.Node.Scalar? {
        guard case .scalar(let scalar) = node, !isNull else { return nil }
        return scalar
    }

    /// The scalar's text, unless the value is empty, a list or a mapping.
    var string: String? { scalar?.string }

    /// Whether the value is YAML's null: nothing after the key, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The items of a list.
    var sequence: [YAMLValue]? {
        guard case .sequence(let sequence) = node else { return nil }
        return sequence.map { YAMLValue($0, file: location.file) }
    }

    /// Whether the value is a mapping.
    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    /// The key–value pairs of a mapping, in file order.
    var pairs: [(key: YAMLValue, value: YAMLValue)]? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.map { key, value in
            let keyValue = YAMLValue(key, file: location.file)
            var valueValue = YAMLValue(value, file: location.file)
            // An empty value has no useful mark of its own: point at its key.
            if valueValue.isNull || valueValue.location.line == 0 {
                valueValue = YAMLValue(value, location: keyValue.location)
            }
            return (keyValue, valueValue)
        }
    }

    /// The text of a key of a mapping, without reporting anything (used to name things in messages).
    func peek(_ key: String) -> String? {
        guard case .mapping(let mapping) = node else { return nil }
        for (k, v) in mapping where k.scalar?.string == key {
            return YAMLValue(v, location: location).string
        }
        return nil
    }

    /// Where the text of a scalar starts: after the opening quote of a quoted scalar.
    ///
    /// Block scalars (`|`, `>`) start on the next line, where columns cannot be mapped simply,
    /// so they point at the scalar itself.
    var textStart: SourceLocation {
        guard case .scalar(let scalar) = node else { return location }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return location.advanced(byColumns: 1)
        default: return location
        }
    }

    /// Whether a column inside the scalar's text can be mapped to a column of the file.
    var mapsColumns: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style != .literal && scalar.style != .folded
    }

    /// A short description of what the value is, for messages: `'abc'`, `a list of 2 items` (`một danh sách 2 mục`),
    /// `a mapping`, `nothing`.
    var summary: Words {
        if isNull { return Words(vi: "giá trị trống", en: "nothing") }
        switch node {
        case .scalar(let scalar): return .verbatim("'\(MessageText.echo(scalar.string))'")
        case .sequence(let items):
            return Words(
                vi: "một danh sách \(items.count) mục",
                en: items.count == 1 ? "a list of 1 item" : "a list of \(items.count) items")
        case .mapping: return Words(vi: "các cặp khóa: giá trị", en: "a mapping")
        case .alias: return Words(vi: "một bí danh (alias)", en: "an alias")
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
