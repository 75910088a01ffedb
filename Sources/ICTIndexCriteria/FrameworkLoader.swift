import Foundation
public import ICTIndexCore
import OrderedCollections
import Yams

/// Reads a criteria file (bộ tiêu chí, `Criteria/*.yaml`) into a validated ``Framework``.
///
/// Every problem in the file is reported at once, compiler-style, with its line and column:
/// unknown keys (with a "did you mean"), missing or invalid values, duplicate ids, unknown
/// variables in expressions, circular formulas, weights that do not add up, rules whose
/// parameters do not fit their indicator, and so on. The framework is built only when the file
/// has no error.
///
/// For example:
///
/// ```swift
/// let loader = FrameworkLoader()
/// do {
///     let loaded = try loader.load(path: "Criteria/vn-province-agencies.yaml")
///     print(loaded.framework.indicators.count, "indicators")
///     loaded.warnings.forEach { print($0) }
/// } catch {
///     print(error)   // Criteria/vn-province-agencies.yaml:42:7: error[C012]: the children of 'infra' add up to …
/// }
/// ```
public struct FrameworkLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Reads and validates a file; `path` is shown in diagnostics as given.
    ///
    /// - Parameter path: The file to read, absolute or relative to the current directory.
    /// - Returns: The framework, with `sourceFile` and `sourceText` set, the warnings, and the SHA-256 of the
    ///   file's bytes.
    /// - Throws: ``ValidationFailure`` with every error and warning when the file has at least one
    ///   error; `C001` when the file cannot be read.
    public func load(path: String) throws(ValidationFailure) -> LoadedFramework {
        let bytes = FileManager.default.contents(atPath: path)
        guard let bytes, let text = String(data: bytes, encoding: .utf8) else {
            var isDirectory: ObjCBool = false
            let reason: Words
            let hint: Words
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                reason = Words(vi: "không có tệp này", en: "no such file")
                hint = Words(vi: "kiểm tra lại đường dẫn", en: "check the path")
            } else if isDirectory.boolValue {
                reason = Words(vi: "đây là một thư mục", en: "it is a folder")
                hint = Words(vi: "kiểm tra lại đường dẫn: cần chỉ tới tệp .yaml", en: "check the path")
            } else if !FileManager.default.isReadableFile(atPath: path) {
                reason = Words(vi: "không có quyền đọc", en: "permission denied")
                hint = Words(vi: "kiểm tra lại đường dẫn và quyền đọc tệp", en: "check the path")
            } else {
                reason = Words(vi: "tệp không phải văn bản UTF-8", en: "it is not UTF-8 text")
                hint = Words(vi: "kiểm tra lại đường dẫn, hoặc lưu tệp ở dạng UTF-8", en: "check the path")
            }
            throw ValidationFailure(diagnostics: [
                .error(
                    .yamlSyntax, at: SourceLocation(file: path),
                    Words(vi: "không đọc được tệp tiêu chí: ", en: "cannot read the criteria file: ") + reason,
                    hint: hint)
            ])
        }
        // A byte-order mark is not part of the YAML text; the fingerprint still covers the file's bytes.
        let loaded = try load(yaml: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: path)
        return LoadedFramework(
            framework: loaded.framework, warnings: loaded.warnings, sha256: SHA256.hexDigest(of: bytes))
    }

    /// Validates YAML text; `file` names it in diagnostics.
    ///
    /// - Parameters:
    ///   - yaml: The text of a criteria file.
    ///   - file: The name diagnostics give the text, such as its path.
    /// - Returns: The framework, with `sourceFile` = `file` and `sourceText` = `yaml`, and the warnings.
    /// - Throws: ``ValidationFailure`` with every error and warning, in file order, when the text has
    ///   at least one error (codes `C001`–`C023`).
    public func load(yaml: String, file: String) throws(ValidationFailure) -> LoadedFramework {
        var reader = FrameworkReader(file: file)
        let framework = reader.read(yaml: yaml)
        let diagnostics = Self.sorted(reader.diagnostics)
        guard !diagnostics.hasErrors, var framework else {
            throw ValidationFailure(diagnostics: diagnostics)
        }
        framework.sourceFile = file
        framework.sourceText = yaml
        return LoadedFramework(framework: framework, warnings: diagnostics)
    }

    /// Diagnostics in file order; those without a place first, ties in the order found.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location
            let lb = b.element.location
            let ka = (la?.line ?? 0, la?.column ?? 0, a.offset)
            let kb = (lb?.line ?? 0, lb?.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }
}

/// A framework read from a file, with the warnings its file raised.
public struct LoadedFramework: Sendable {
    /// The validated framework, with `sourceFile` and `sourceText` set.
    public let framework: Framework
    /// Non-fatal problems, such as a node that applies to a group its parent does not.
    public let warnings: [Diagnostic]

    /// The SHA-256 of the criteria file's bytes, 64 lowercase hex digits (of the YAML text's UTF-8 bytes when
    /// the framework was read from text), so a scoreboard can name exactly the file it was scored with.
    public let sha256: String

    /// Pairs a framework with its warnings and its file's fingerprint.
    ///
    /// - Parameters:
    ///   - framework: The validated framework.
    ///   - warnings: Non-fatal problems.
    ///   - sha256: The file's SHA-256 in lowercase hex; `nil` hashes the UTF-8 bytes of `framework.sourceText`.
    public init(framework: Framework, warnings: [Diagnostic], sha256: String? = nil) {
        self.framework = framework
        self.warnings = warnings
        self.sha256 = sha256 ?? SHA256.hexDigest(of: Array((framework.sourceText ?? "").utf8))
    }
}

extension FrameworkReader {
    /// Composes the YAML text and reads it; nil when the file has errors.
    mutating func read(yaml: String) -> Framework? {
        switch YAMLTree.compose(yaml: yaml, file: file, maxValues: Self.maxValues) {
        case .document(let tree): return readFramework(tree.root)
        case .empty:
            reportEmpty()
            return nil
        case .needsYams:
            guard let tree = composeWithYams(yaml: yaml) else { return nil }
            return readFramework(tree.root)
        }
    }

    /// Reports a file without a document.
    private mutating func reportEmpty() {
        error(
            .missingKey, at: SourceLocation(file: file),
            Words(vi: "tệp tiêu chí trống", en: "the criteria file is empty"),
            hint: Words(
                vi: "bắt đầu tệp bằng dòng `schema: \(Framework.schema)`",
                en: "start it with `schema: \(Framework.schema)`"))
    }

    /// Composes the text with `Yams.compose`, for the texts libyaml's events are not enough for (a syntax error, an
    /// alias, a repeated key, several documents: see ``YAMLTree/Composition/needsYams``); reports what Yams finds.
    private mutating func composeWithYams(yaml: String) -> YAMLTree? {
        let root: Yams.Node
        do {
            // `Resolver.basic` has no rules, so every plain scalar keeps the `str` tag. The reader never uses
            // resolved tags (it reads each scalar's text and style and decides itself what `true`, `12` or `~`
            // mean), but Yams' duplicate-key check hashes every key of every mapping, and with the default
            // resolver each hash matched the key against seven NSRegularExpressions: half of the time of a
            // 50,000-indicator file. Keys are names here, so `1:` and `"1":` in one mapping are now duplicates.
            guard let composed = try Yams.compose(yaml: yaml, Resolver.basic) else {
                reportEmpty()
                return nil
            }
            root = composed
            // Without an alias (`*name`) every value is written out in the text, so the text's size bounds the
            // tree: only a file with a `*` somewhere needs the count.
            guard
                !yaml.utf8.contains(UInt8(ascii: "*")) || Self.valueCount(root, upTo: Self.maxValues) <= Self.maxValues
            else {
                error(
                    .yamlSyntax, at: SourceLocation(file: file),
                    Words(
                        vi: "qua các bí danh (*tên), tệp bung ra hơn \(Self.maxValues) giá trị, "
                            + "nhiều hơn hẳn mọi tệp tiêu chí",
                        en: "the file expands to more than \(Self.maxValues) values through its aliases (*name), "
                            + "far more than any criteria file"),
                    hint: Words(
                        vi: "viết thẳng các phần lặp lại thay vì lồng bí danh trong bí danh",
                        en: "write the repeated parts out instead of nesting aliases of aliases"))
                return nil
            }
        } catch let yamlError as YamlError {
            report(yamlError)
            return nil
        } catch {
            self.error(
                .yamlSyntax, at: SourceLocation(file: file),
                Words(vi: "tệp không đúng cú pháp YAML: \(error)", en: "the file is not valid YAML: \(error)"))
            return nil
        }
        return YAMLTree(root, file: file)
    }

    /// The most values (scalars, lists and mappings, counting each use of an alias anew) a criteria file may
    /// expand to: the largest shipped file has about 2,000; 50,000 indicators need about 500,000. A "billion
    /// laughs" file of nested aliases is refused here, before anything walks its expansion.
    static let maxValues = 2_000_000

    /// The number of values in a composed tree, counting an aliased node at each place it is used; stops
    /// counting past `limit` (so the walk is at most `limit` steps, whatever the expansion).
    static func valueCount(_ root: Yams.Node, upTo limit: Int) -> Int {
        var count = 0
        var stack = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch node {
            case .scalar, .alias: break
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs):
                for (key, value) in pairs {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
        return count
    }

    /// Reports a YAML syntax error at its place.
    mutating func report(_ yamlError: YamlError) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        let hint = Words(
            vi: "kiểm tra thụt lề, dấu nháy và dấu ngoặc quanh chỗ này",
            en: "check the indentation, the quotes and the brackets around this place")
        switch yamlError {
        case .parser(_, let problem, let mark, _) where problem.contains("yaml_set_max_nest_level"):
            // libyaml stops at 1,000 nested lists or mappings; its message names its own C function.
            error(
                .yamlSyntax, at: at(mark),
                Words(
                    vi: "tệp lồng danh sách hay các cặp khóa: giá trị sâu quá 1000 tầng",
                    en: "the file nests lists or mappings more than 1000 levels deep"),
                hint: Words(
                    vi: "tệp tiêu chí chỉ cần vài tầng; kiểm tra dấu ngoặc và thụt lề",
                    en: "a criteria file needs a few levels; check the brackets and the indentation"))
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml's own words are quoted as they are, in both languages.
            let detail = context.map {
                Words(vi: " (\($0.text), dòng \($0.mark.line))", en: " \($0.text) at line \($0.mark.line)")
            }
            error(
                .yamlSyntax, at: at(mark),
                Words(vi: "tệp không đúng cú pháp YAML: \(problem)", en: "the file is not valid YAML: \(problem)")
                    + (detail ?? .verbatim("")),
                hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            error(
                .duplicateID, at: at(context.mark),
                Words(vi: "khóa \(keys) bị lặp trong cùng một nhóm khóa", en: "duplicate key \(keys) in one mapping"),
                hint: Words(
                    vi: "giữ lại một: mỗi khóa chỉ được ghi một lần trong một nhóm",
                    en: "keep one of them: a key may appear only once in a mapping"))
        case .reader(let problem, _, _, _):
            error(
                .yamlSyntax, at: SourceLocation(file: file),
                Words(
                    vi: "không đọc được tệp dưới dạng văn bản: \(problem)",
                    en: "the file cannot be read as text: \(problem)"),
                hint: Words(vi: "lưu tệp ở dạng UTF-8", en: "save the file as UTF-8"))
        default:
            error(
                .yamlSyntax, at: SourceLocation(file: file),
                Words(vi: "tệp không đúng cú pháp YAML: \(yamlError)", en: "the file is not valid YAML: \(yamlError)"),
                hint: hint)
        }
    }

    /// The keys a criteria file may have at its top level.
    static let topKeys = [
        "schema", "id", "name", "description", "edition", "scale", "decimals", "rank_on", "groups", "bands",
        "variables", "defaults", "index", "deductions", "publication", "evidence_policy",
    ]

    /// Reads the whole file.
    mutating func readFramework(_ value: YAMLValue) -> Framework? {
        let what = Words(vi: "tệp tiêu chí", en: "the file")
        let framework = Words(vi: "bộ tiêu chí", en: "the framework")
        guard let top = fields(value, of: what, allowed: Self.topKeys) else { return nil }

        if let schema = top["schema"] {
            if schema.string != Framework.schema {
                let found = schema.summary
                error(
                    .unsupportedSchema, at: schema.location,
                    Words(vi: "không hỗ trợ lược đồ (schema) \(found.vi)", en: "unsupported schema \(found.en)"),
                    hint: Words(
                        vi: "phiên bản ictindex này đọc tệp có `schema: \(Framework.schema)`",
                        en: "this version of ictindex reads `schema: \(Framework.schema)`"))
            }
        } else {
            missing(
                "schema", in: top, of: what,
                hint: Words(
                    vi: "mở đầu tệp bằng dòng `schema: \(Framework.schema)`",
                    en: "start the file with `schema: \(Framework.schema)`"))
        }
        var frameworkID: String?
        if let idValue = top["id"] {
            frameworkID = id(idValue, of: framework, syntax: .framework)
        } else {
            missing(
                "id", in: top, of: what,
                hint: Words(
                    vi: "thêm `id: …`, ví dụ `id: vn-province-agencies`",
                    en: "add `id: …` such as `id: vn-province-agencies`"))
        }
        var name: LocalizedText?
        if let nameValue = top["name"] {
            name = text(nameValue, key: "name", of: framework)
        } else {
            missing(
                "name", in: top, of: what,
                hint: Words(
                    vi: "thêm `name: …` hoặc `name: {vi: …, en: …}`", en: "add `name: …` or `name: {vi: …, en: …}`"))
        }
        if let description = top["description"] { _ = text(description, key: "description", of: framework) }
        var edition: String?
        if let editionValue = top["edition"] { edition = string(editionValue, key: "edition", of: framework) }
        if let scaleValue = top["scale"], let x = number(scaleValue, key: "scale", of: framework) {
            if x > 0 {
                scale = x
            } else {
                error(
                    .invalidValue, at: scaleValue.location,
                    Words(
                        vi: "'scale' phải lớn hơn 0, không phải \(x.plain)",
                        en: "'scale' must be above 0, not \(x.plain)"),
                    hint: Words(
                        vi: "ghi thang điểm của tổng điểm, ví dụ 100 hoặc 1",
                        en: "use the root's score range, such as 100 or 1"))
            }
        }
        var decimals = 2
        if let decimalsValue = top["decimals"], let n = integer(decimalsValue, key: "decimals", of: framework) {
            if (0...10).contains(n) {
                decimals = n
            } else {
                error(
                    .invalidValue, at: decimalsValue.location,
                    Words(
                        vi: "'decimals' phải từ 0 đến 10, không phải \(n)",
                        en: "'decimals' must be between 0 and 10, not \(n)"),
                    hint: Words(
                        vi: "ghi số chữ số thập phân khi công bố điểm, ví dụ 2",
                        en: "use the number of decimals scores are published with, such as 2"))
            }
        }
        var rankOn = Framework.RankOn.rounded
        if let rankValue = top["rank_on"],
            let word = word(rankValue, key: "rank_on", of: framework, among: [Framework.RankOn.rounded, .exact])
        {
            rankOn = word
        }

        var evidencePolicy = Variable.EvidencePolicy.refuse
        if let policyValue = top["evidence_policy"],
            let word = word(
                policyValue, key: "evidence_policy", of: framework,
                among: Variable.EvidencePolicy.allCases)
        {
            evidencePolicy = word
        }

        var publication = Publication.provinceDefault
        if let publicationValue = top["publication"], let read = readPublication(publicationValue) {
            publication = read
        }
        if let groupsValue = top["groups"] { readGroups(groupsValue) }
        if let bandsValue = top["bands"] { readBands(bandsValue) }
        if let variablesValue = top["variables"] { readVariables(variablesValue) }
        if let defaultsValue = top["defaults"] { readDefaults(defaultsValue) }
        var rootID: NodeID?
        if let index = top["index"] {
            rootID = readRoot(index, frameworkName: name)
        } else {
            missing(
                "index", in: top, of: what,
                hint: Words(
                    vi: "thêm `index:` với cây các nhóm tiêu chí và tiêu chí",
                    en: "add `index:` with the tree of pillars and indicators"))
        }
        if let deductionsValue = top["deductions"] { readDeductions(deductionsValue) }

        checkExpressions()
        checkFormulaCycles()

        guard !diagnostics.hasErrors, let frameworkID, let name, let rootID else { return nil }
        var result = Framework(
            id: frameworkID, name: name, edition: edition, scale: scale, decimals: decimals, rankOn: rankOn,
            publication: publication, groups: groups, bands: bands, variables: Array(variables.values), nodes: nodes,
            rootID: rootID,
            deductions: deductions)
        result.evidencePolicy = evidencePolicy
        checkStatedMaxima(result)
        return diagnostics.hasErrors ? nil : result
    }

    /// The items of a list; reports a value that is not a list.
    mutating func list(_ value: YAMLValue, key: String, of what: Words) -> [YAMLValue]? {
        if let items = value.sequence { return items }
        let found = value.summary
        error(
            .invalidValue, at: value.location,
            Words(
                vi: "'\(key)' của \(what.vi) phải là một danh sách, không phải \(found.vi)",
                en: "'\(key)' of \(what.en) must be a list, not \(found.en)"),
            hint: Words(
                vi: "ghi mỗi mục một dòng bắt đầu bằng `- `, hoặc `[a, b]`",
                en: "write one item per line starting with `- `, or `[a, b]`"))
        return nil
    }
}
