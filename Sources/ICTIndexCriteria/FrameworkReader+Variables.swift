import ICTIndexCore
import OrderedCollections

extension FrameworkReader {
    /// The keys a variable may have.
    static let variableKeys = [
        "id", "name", "type", "unit", "description", "min", "max", "options", "evidence", "formula",
    ]

    /// Reads `variables:`, the raw inputs and the derived variables.
    mutating func readVariables(_ value: YAMLValue) {
        guard let items = list(value, key: "variables", of: Words(vi: "bộ tiêu chí", en: "the framework")) else {
            return
        }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let peeked = item.peek("id")
            let what =
                peeked.map { Words(vi: "biến số liệu '\($0)'", en: "variable '\($0)'") }
                ?? Words(vi: "một biến số liệu", en: "a variable")
            let subject = peeked.map { Diagnostic.Subject.variable(VariableID($0)) }
            guard let fields = fields(item, of: what, allowed: Self.variableKeys, subject: subject) else { continue }
            var variableID: VariableID?
            if let idValue = fields["id"] {
                if let text = id(idValue, of: what, syntax: .variable, subject: subject) {
                    if seen[text] == nil { variableID = VariableID(text) }
                    unique(text, kind: IDSyntax.variable.kind, at: idValue.location, in: &seen, subject: subject)
                }
            } else {
                missing("id", in: fields, of: what, subject: subject)
            }
            if let variable = readVariable(fields, id: variableID, of: what, subject: subject), let variableID {
                variables[variableID] = variable
                variableSites[variableID] = VariableSite(location: item.location, formula: fields["formula"])
            }
        }
    }

    /// Reads one variable's keys other than its id.
    private mutating func readVariable(
        _ fields: Fields, id variableID: VariableID?, of what: Words, subject: Diagnostic.Subject?
    ) -> Variable? {
        var name: LocalizedText?
        if let nameValue = fields["name"] {
            name = text(nameValue, key: "name", of: what, subject: subject)
        } else {
            missing("name", in: fields, of: what, subject: subject)
        }
        var kind = Variable.Kind.number
        if let typeValue = fields["type"],
            let word = word(typeValue, key: "type", of: what, among: Variable.Kind.allCases, subject: subject)
        {
            kind = word
        }
        var unit: String?
        if let unitValue = fields["unit"] { unit = string(unitValue, key: "unit", of: what, subject: subject) }
        var description: LocalizedText?
        if let descriptionValue = fields["description"] {
            description = text(descriptionValue, key: "description", of: what, subject: subject)
        }
        let bounds = readBounds(fields, kind: kind, of: what, subject: subject)
        let options = readOptions(fields, kind: kind, of: what, subject: subject)
        var evidence = Variable.EvidenceRequirement.none
        if let evidenceValue = fields["evidence"],
            let word = word(
                evidenceValue, key: "evidence", of: what, among: Variable.EvidenceRequirement.allCases,
                subject: subject)
        {
            evidence = word
        }
        var formula: Expression?
        if let formulaValue = fields["formula"] {
            if [.choice, .text, .date].contains(kind) {
                error(
                    .invalidVariable, at: formulaValue.location, subject: subject,
                    Words(
                        vi: "\(what.vi) có công thức nhưng kiểu (type) là \(kind.rawValue)",
                        en: "\(what.en) has a formula but its type is \(kind.rawValue)"),
                    hint: Words(
                        vi: "công thức cho ra một số: dùng kiểu number, integer, percent hoặc boolean",
                        en: "a formula computes a number: use type number, integer, percent or boolean"))
            }
            if let variableID {
                formula = expression(formulaValue, key: "formula", of: what, role: .formula(variableID))
            }
        }
        guard let variableID, let name else { return nil }
        return Variable(
            id: variableID, name: name, description: description, kind: kind, unitOfMeasure: unit,
            min: bounds.min, max: bounds.max, options: options, evidence: evidence, formula: formula,
            source: fields.location)
    }

    /// Reads `min` and `max`, which only numeric variables have.
    private mutating func readBounds(
        _ fields: Fields, kind: Variable.Kind, of what: Words, subject: Diagnostic.Subject?
    ) -> (min: Double?, max: Double?) {
        var bounds: (min: Double?, max: Double?) = (nil, nil)
        for key in ["min", "max"] {
            guard let boundValue = fields[key] else { continue }
            guard [.number, .integer, .percent].contains(kind) else {
                error(
                    .invalidVariable, at: fields.keyLocation(key), subject: subject,
                    Words(
                        vi: "khóa '\(key)' không dùng cho \(what.vi) kiểu \(kind.rawValue)",
                        en: "'\(key)' does not apply to \(what.en) of type \(kind.rawValue)"),
                    hint: Words(
                        vi: "chỉ biến số liệu kiểu number, integer và percent mới có giới hạn; xóa `\(key):`",
                        en: "only number, integer and percent variables have bounds; remove `\(key):`"))
                continue
            }
            let x = number(boundValue, key: key, of: what, subject: subject)
            if key == "min" { bounds.min = x } else { bounds.max = x }
        }
        if let min = bounds.min, let max = bounds.max, min > max, let location = fields.keyLocation("max") {
            error(
                .invalidVariable, at: location, subject: subject,
                Words(
                    vi: "\(what.vi) có min \(min.plain) lớn hơn max \(max.plain)",
                    en: "\(what.en) has min \(min.plain) above its max \(max.plain)"),
                hint: Words(vi: "đổi chỗ hai số, hoặc sửa một trong hai", en: "swap them or fix one of them"))
        }
        return bounds
    }

    /// Reads `options`, which choice variables must have and other variables must not.
    private mutating func readOptions(
        _ fields: Fields, kind: Variable.Kind, of what: Words, subject: Diagnostic.Subject?
    ) -> OrderedDictionary<String, LocalizedText> {
        var options: OrderedDictionary<String, LocalizedText> = [:]
        guard let optionsValue = fields["options"] else {
            if kind == .choice {
                error(
                    .invalidVariable, at: fields.location, subject: subject,
                    Words(
                        vi: "\(what.vi) có kiểu choice nhưng không có 'options'",
                        en: "\(what.en) is a choice but has no 'options'"),
                    hint: Words(
                        vi: "thêm `options: {mã: \"nhãn\", …}` với mọi câu trả lời một đơn vị có thể chọn",
                        en: "add `options: {id: \"label\", …}` with every answer a unit can give"))
            }
            return options
        }
        guard kind == .choice else {
            error(
                .invalidVariable, at: fields.keyLocation("options"), subject: subject,
                Words(
                    vi: "\(what.vi) có 'options' nhưng kiểu (type) là \(kind.rawValue)",
                    en: "\(what.en) has options but its type is \(kind.rawValue)"),
                hint: Words(
                    vi: "thêm `type: choice`, hoặc xóa `options:`", en: "add `type: choice`, or remove `options:`"))
            return options
        }
        guard let pairs = optionsValue.pairs else {
            let found = optionsValue.summary
            error(
                .invalidValue, at: optionsValue.location, subject: subject,
                Words(
                    vi: "'options' của \(what.vi) phải ghi mã và nhãn của từng lựa chọn, không phải \(found.vi)",
                    en: "'options' of \(what.en) must be a mapping of option ids to labels, not \(found.en)"),
                hint: Words(
                    vi: "ghi `options: {chair: \"Chủ tịch\", none: \"Không\"}`",
                    en: "write `options: {chair: \"Chủ tịch\", none: \"Không\"}`"))
            return options
        }
        for (key, label) in pairs {
            guard let option = key.string, !option.trimmed.isEmpty else {
                let found = key.summary
                error(
                    .invalidValue, at: key.location, subject: subject,
                    Words(
                        vi: "một lựa chọn của \(what.vi) là \(found.vi), không phải một mã",
                        en: "an option of \(what.en) is \(found.en), not an id"),
                    hint: Words(vi: "ghi `option_id: \"nhãn\"`", en: "write `option_id: \"label\"`"))
                continue
            }
            if let labelText = text(label, key: option, of: what, subject: subject) { options[option] = labelText }
        }
        if pairs.isEmpty {
            error(
                .invalidVariable, at: optionsValue.location, subject: subject,
                Words(vi: "\(what.vi) có danh sách lựa chọn trống", en: "\(what.en) has an empty list of options"),
                hint: Words(
                    vi: "thêm mọi câu trả lời một đơn vị có thể chọn: `options: {yes_full: \"…\", none: \"…\"}`",
                    en: "add every answer a unit can give: `options: {yes_full: \"…\", none: \"…\"}`"))
        }
        return options
    }
}
