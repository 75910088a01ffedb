public import ICTIndexCore
import ICTIndexCriteria

/// What a template says about itself on its hidden metadata sheet: whose it is, for which period and criteria,
/// and a checksum over these fields and every locked cell, so an edited workbook is noticed.
public struct TemplateMetadata: Hashable, Sendable {
    /// The template format this version of ictindex writes and reads.
    public static let currentVersion = "ictindex-template/1"
    /// The hidden sheet that holds the metadata.
    public static let sheetName = "_ictindex"

    public var version: String
    public var unit: UnitCode
    public var unitName: String
    public var group: GroupID
    public var period: String
    public var frameworkID: String
    public var frameworkEdition: String?
    public var frameworkSHA256: String
    public var deadline: String?
    public var language: Language

    /// Creates the metadata of a new template.
    public init(
        unit: Unit, period: String, frameworkID: String, frameworkEdition: String?, frameworkSHA256: String,
        deadline: String?, language: Language, version: String = Self.currentVersion
    ) {
        self.version = version
        self.unit = unit.code
        self.unitName = unit.name
        self.group = unit.group
        self.period = period
        self.frameworkID = frameworkID
        self.frameworkEdition = frameworkEdition
        self.frameworkSHA256 = frameworkSHA256
        self.deadline = deadline
        self.language = language
    }

    /// The fields as they are written, in order (the checksum is written after them).
    var fields: [(key: String, value: String)] {
        [
            ("template", version), ("unit", unit.rawValue), ("unit_name", unitName), ("group", group.rawValue),
            ("period", period), ("framework", frameworkID), ("edition", frameworkEdition ?? ""),
            ("framework_sha256", frameworkSHA256), ("deadline", deadline ?? ""), ("language", language.rawValue),
        ]
    }

    static let keys = ["template", "unit", "unit_name", "group", "period", "framework", "edition",
        "framework_sha256", "deadline", "language"]

    /// Reads the fields back from the sheet's key → value pairs; nil when one is missing.
    init?(fields: [String: String]) {
        guard let version = fields["template"], let unit = fields["unit"], let name = fields["unit_name"],
            let group = fields["group"], let period = fields["period"], let id = fields["framework"],
            let sha = fields["framework_sha256"], let language = fields["language"].flatMap(Language.init(rawValue:))
        else { return nil }
        self.version = version
        self.unit = UnitCode(unit)
        self.unitName = name
        self.group = GroupID(group)
        self.period = period
        self.frameworkID = id
        self.frameworkEdition = fields["edition"].flatMap { $0.isEmpty ? nil : $0 }
        self.frameworkSHA256 = sha
        self.deadline = fields["deadline"].flatMap { $0.isEmpty ? nil : $0 }
        self.language = language
    }

    /// SHA-256 over the fields and the locked cells, as `key=value` and `sheet!cell=text` lines.
    func checksum(lockedCells: [LockedCell]) -> String {
        var text = ""
        for field in fields { text += "\(field.key)=\(field.value)\n" }
        for cell in lockedCells { text += "\(cell.sheet)!\(cell.address)=\(cell.text)\n" }
        return SHA256.hexDigest(of: Array(text.utf8))
    }
}

/// A locked cell whose text the template fixes: a label, a variable's id, name, unit or allowed range.
struct LockedCell: Hashable, Sendable {
    var sheet: String
    /// "C14".
    var address: String
    var text: String
}
