import Foundation
import ICTIndexCore
import OrderedCollections

extension FrameworkReader {
    /// The weight of an `aggregate: best_of` node: its highest case's weight when not written, and an error
    /// (C030) when written otherwise, since the node's maximum is the highest case's maximum.
    ///
    /// - Returns: The node's weight.
    mutating func checkBestOf(
        _ children: [NodeResult], of id: NodeID, weight: Double?, weightGiven: Bool,
        at location: SourceLocation
    ) -> Double? {
        let weights = children.map(\.weight)
        guard !weights.isEmpty, !weights.contains(where: { $0 == nil }) else { return weight }
        let highest = weights.compactMap { $0 }.max() ?? 0
        guard weightGiven else { return highest }
        guard let weight, abs(weight - highest) > 1e-9 * max(1, abs(highest)) else { return weight }
        error(
            .bestOfWeight, at: location, subject: .node(id),
            Words(
                vi: "'\(id)' lấy trường hợp có điểm cao nhất, tối đa \(highest.plain) điểm; "
                    + "nhưng '\(id)' có trọng số \(weight.plain)",
                en: "'\(id)' keeps its highest case, worth at most \(highest.plain); '\(id)' has weight \(weight.plain)"
            ),
            hint: Words(
                vi: "ghi trọng số \(highest.plain) cho '\(id)', hoặc xóa `weight:` (mục best_of có trọng số "
                    + "bằng trường hợp cao nhất)",
                en: "give '\(id)' weight \(highest.plain), or remove its `weight:` (a best_of node weighs as much "
                    + "as its highest case)"))
        return weight
    }

    /// Compares what the decision's text says with the tree: a node whose name or description states its
    /// maximum points ("tối đa 5 điểm", "max 5 points") must have those max points (C031), and a pillar whose
    /// text says the highest case wins should be `aggregate: best_of` (C032, a warning).
    mutating func checkStatedMaxima(_ framework: Framework) {
        // The effective weights are worked out once, and only if a text states a maximum: most nodes' texts state
        // none (a file of 50,000 indicators spent 3 % of its check on weights it never looked at).
        var nominal: [NodeID: Double]?
        for node in framework.nodes.values where node.id != framework.rootID {
            let stated = Self.statedMaximum(node)
            var maxPoints = 0.0
            if stated != nil {
                let weights = nominal ?? framework.nominalWeights()
                nominal = weights
                maxPoints = (weights[node.id] ?? 0) * framework.scale
            }
            if let stated, abs(stated.points - maxPoints) > 1e-6 * max(1, stated.points) {
                var hint = Words(
                    vi: "sửa trọng số để '\(node.id)' được tối đa \(stated.points.plain) điểm, hoặc sửa lại câu chữ",
                    en: "make the weights give '\(node.id)' \(stated.points.plain) points, or correct the text")
                if case .pillar(let aggregate, _) = node.kind, aggregate != .bestOf, Self.saysBestCase(node) {
                    hint = Words(
                        vi: "lấy trường hợp có điểm cao nhất: ghi `aggregate: best_of` "
                            + "(trọng số của mỗi trường hợp là số điểm của trường hợp đó)",
                        en: "the highest case wins: write `aggregate: best_of` (each case's weight is its own points)")
                }
                error(
                    .statedMaximum, at: node.source, subject: .node(node.id),
                    Words(
                        vi: "\(stated.field.vi) của '\(node.id)' ghi tối đa \(stated.points.plain) điểm "
                            + "(\"\(stated.text)\"); cây tiêu chí cho \(maxPoints.plain) điểm",
                        en: "the \(stated.field.en) of '\(node.id)' says at most \(stated.points.plain) points "
                            + "(\"\(stated.text)\"); the tree gives it \(maxPoints.plain) points"),
                    hint: hint)
            } else if case .pillar(let aggregate, _) = node.kind, aggregate != .bestOf,
                Self.saysBestCase(node)
            {
                warning(
                    .bestOfWording, at: node.source, subject: .node(node.id),
                    Words(
                        vi: "câu chữ của '\(node.id)' ghi lấy trường hợp có điểm cao nhất, nhưng '\(node.id)' "
                            + "đang là `aggregate: \(aggregate.rawValue)`",
                        en: "the text of '\(node.id)' says the highest case wins, but '\(node.id)' is aggregate: "
                            + aggregate.rawValue),
                    hint: Words(
                        vi: "ghi `aggregate: best_of` để chỉ tính trường hợp có điểm cao nhất "
                            + "(trọng số của mỗi trường hợp là số điểm của trường hợp đó)",
                        en: "write `aggregate: best_of` so that only the highest case counts "
                            + "(each case's weight is its own points)"))
            }
        }
    }

    /// "tối đa 5 điểm", "tối đa: 2,5 điểm", "max 5 points", "maximum of 5 points", "up to 5 points".
    nonisolated(unsafe) static let maximumPattern =
        /(?i)(tối đa|max(?:imum)?(?: of)?|up to)\s*:?\s*(\d+(?:[.,]\d+)?)\s*(điểm|points?|pts)/

    /// The maximum points the node's text states: the name's, else the description's when it states exactly one.
    static func statedMaximum(_ node: ICTIndexCore.Node) -> (
        points: Double, field: Words, text: String
    )? {
        func maxima(_ text: LocalizedText?) -> [(Double, String)] {
            guard let text, mayStateMaximum(text.vi) else { return [] }
            let vi = text.vi.precomposedStringWithCanonicalMapping
            return vi.matches(of: maximumPattern).compactMap { match in
                let number = String(match.output.2).replacingOccurrences(of: ",", with: ".")
                return Double(number).map { ($0, String(match.output.0)) }
            }
        }
        if let first = maxima(node.name).first { return (first.0, Words(vi: "tên", en: "name"), first.1) }
        let inDescription = maxima(node.description)
        guard let first = inDescription.first, inDescription.allSatisfy({ $0.0 == first.0 }) else {
            return nil
        }
        return (first.0, Words(vi: "mô tả", en: "description"), first.1)
    }

    /// False when `text` cannot match ``maximumPattern``: ASCII text without a digit, or without "point" or "pts"
    /// in any case. Text with other characters always goes to the pattern.
    ///
    /// Most names in a large file are plain ASCII ("I123"), and matching the pattern costs more than reading the
    /// rest of the node; for ASCII text this test gives the pattern's answer (an ASCII character folds only to
    /// ASCII characters, and the unit words are "điểm", "point(s)" and "pts").
    static func mayStateMaximum(_ text: String) -> Bool {
        var hasDigit = false
        for byte in text.utf8 {
            if byte >= 0x80 { return true }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { hasDigit = true }
        }
        guard hasDigit else { return false }
        let lower = text.lowercased()
        return lower.contains("point") || lower.contains("pts")
    }

    /// "lấy trường hợp có điểm cao nhất", "tính theo trường hợp cao nhất", "the highest case", "best of".
    nonisolated(unsafe) static let bestCasePattern =
        /(?i)(trường hợp[^.;]{0,40}cao nhất|cao nhất[^.;]{0,20}trường hợp|highest[^.;]{0,20}case|best of)/

    static func saysBestCase(_ node: ICTIndexCore.Node) -> Bool {
        [node.name, node.description].compactMap { $0 }.contains { text in
            text.vi.precomposedStringWithCanonicalMapping.contains(bestCasePattern)
                || (text.en.map { $0.contains(bestCasePattern) } ?? false)
        }
    }
}
