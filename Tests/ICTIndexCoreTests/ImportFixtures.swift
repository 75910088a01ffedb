import OrderedCollections
@testable import ICTIndexCore

/// Small frameworks for the data file tests.
enum ImportFixtures {
    /// One variable of every kind, a derived variable, and the groups `department` and `commune`.
    static func framework(groups: Bool = true) throws -> Framework {
        let variables = [
            Variable(id: "staff", name: "Tổng số CBCCVC", kind: .number, min: 0),
            Variable(id: "computers", name: "Số máy tính", kind: .integer, min: 0),
            Variable(id: "coverage", name: "Tỷ lệ", kind: .percent),
            Variable(id: "has_portal", name: "Có cổng thông tin", kind: .boolean),
            Variable(
                id: "chair", name: "Người chủ trì", kind: .choice,
                options: [
                    "chair": LocalizedText(vi: "Chủ tịch", en: "Chair"),
                    "deputy": LocalizedText(vi: "Phó Chủ tịch", en: "Deputy chair"),
                    "none": LocalizedText(vi: "Không", en: "None"),
                ]),
            Variable(id: "decided_on", name: "Ngày ban hành", kind: .date),
            Variable(id: "remark", name: "Ghi chú", kind: .text),
            Variable(id: "ratio", name: "Tỷ lệ máy tính", formula: try Expression.parse("computers / staff")),
        ]
        let indicator = Node(
            id: "coverage", name: "Tỷ lệ", kind: .indicator(Indicator(value: .variable("coverage"), rules: [])),
            parent: "root", level: 1)
        let root = Node(id: "root", name: "Chỉ số", kind: .pillar(aggregate: .mean, children: ["coverage"]))
        return Framework(
            id: "test-agencies", name: "Bộ tiêu chí thử",
            groups: groups
                ? [
                    Group(id: "department", name: LocalizedText(vi: "Sở, ban, ngành", en: "Departments")),
                    Group(id: "commune", name: LocalizedText(vi: "UBND cấp xã", en: "Communes")),
                ] : [],
            variables: variables, nodes: [root, indicator], rootID: "root")
    }

    /// The variable with an id in ``framework(groups:)``.
    static func variable(_ id: VariableID) throws -> Variable {
        let framework = try framework()
        guard let variable = framework.variables[id] else { throw FixtureError.noVariable(id) }
        return variable
    }

    enum FixtureError: Error {
        case noVariable(VariableID)
    }

    /// Three units: two departments and a commune.
    static let units = [
        Unit(code: "STTTT", name: "Sở Thông tin và Truyền thông", group: "department"),
        Unit(code: "SYT", name: "Sở Y tế", group: "department"),
        Unit(code: "XA01", name: "UBND xã An Bình", group: "commune"),
    ]

    /// The rendered diagnostics of a validation failure, or nil when nothing was thrown.
    static func rendered(_ body: () throws -> Void) throws -> [String]? {
        do {
            try body()
            return nil
        } catch let failure as ValidationFailure {
            return failure.diagnostics.map(\.description)
        }
    }
}
