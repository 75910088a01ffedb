import ICTIndexCore
import OrderedCollections

/// A JSON value whose object keys keep their order, so the output reads like the scoreboard.
indirect enum JSON {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    static func optional(_ x: Double?) -> JSON { x.map(JSON.number) ?? .null }
    static func optional(_ x: Int?) -> JSON { x.map(JSON.int) ?? .null }
    static func optional(_ x: String?) -> JSON { x.map(JSON.string) ?? .null }

    func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let end = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let x): return x.isFinite ? NumberFormatting.plain(x) : "null"
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n"
                + pairs.map { pad + Self.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(end)}"
        }
    }

    static func quote(_ s: String) -> String { MessageText.doubleQuoted(s) }
}

/// Renders a scoreboard as JSON: the framework, the period, every unit with its nodes, and warnings.
struct JSONRenderer {
    let scoreboard: Scoreboard
    let language: Language

    func render() -> String {
        let framework = scoreboard.framework
        let units: [JSON] = scoreboard.units.map { r in
            let nodes: [(String, JSON)] = framework.nodes.values.compactMap { node in
                guard let i = scoreboard.index(of: node.id) else { return nil }
                let n = r.nodes[i]
                return (
                    node.id.rawValue,
                    .object([
                        ("status", .string(Self.status(n.status))), ("input", .optional(n.input)),
                        ("value", .optional(n.value)), ("published", .optional(n.published)),
                        ("points", .optional(n.points)), ("max_points", .number(scoreboard.maxPoints(n))),
                        ("effective_weight", .number(n.effectiveWeight)), ("rank", .optional(n.rank)),
                    ])
                )
            }
            return .object([
                ("unit", .string(r.unit.code.rawValue)), ("name", .string(r.unit.name)),
                ("group", .string(r.unit.group.rawValue)), ("score", .optional(r.published)),
                ("score_exact", .optional(r.score)), ("rank", .optional(r.rank)), ("ranked_in_group", .int(r.rankedCount)),
                ("band", .optional(r.band?.id.rawValue)), ("band_name", .optional(r.band?.name.text(language))),
                ("deducted_points", .number(r.deductedPoints)), ("nodes", .object(nodes)),
            ])
        }
        let root = JSON.object([
            ("framework", .object([
                ("id", .string(framework.id)), ("name", .string(framework.name.text(language))),
                ("edition", .optional(framework.edition)), ("scale", .number(framework.scale)),
                ("decimals", .int(framework.decimals)),
            ])),
            ("period", .optional(scoreboard.period)),
            ("units", .array(units)),
            ("warnings", .array(scoreboard.diagnostics.map { .string($0.description) })),
        ])
        return root.render() + "\n"
    }

    static func status(_ status: NodeResult.Status) -> String {
        switch status {
        case .scored: "scored"
        case .imputed(_, let overGroup): overGroup ? "imputed_group_mean" : "imputed_mean"
        case .missingScoredZero: "missing_zero"
        case .skipped: "skipped"
        case .notApplicable: "not_applicable"
        }
    }
}
