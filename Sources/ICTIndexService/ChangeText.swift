public import ICTIndexCore
public import ICTIndexStorage

/// A unit's change since the previous period as one short text, following lineage:
/// `↑ +3.10 (hạng ↑2)`, `đổi tên từ X; ↓ −0.50 (hạng ↓1)`, `↓ −1.03 (hạng 40/40, kỳ trước 59/60)` when the group's
/// size changed, `sáp nhập từ A (hạng 3, 71.20), B (hạng 17, 55.00)`, `mới`. The one wording of change for the
/// command line, the Excel export and the web application.
public struct ChangeText: Sendable {
    public let decimals: Int
    public let language: Language

    /// Creates the wording for a framework's rounding and a language.
    public init(decimals: Int, language: Language) {
        self.decimals = decimals
        self.language = language
    }

    /// The change text of one unit.
    public func text(_ change: UnitChange, for result: StoredResult) -> String {
        var parts: [String] = []
        if let from = change.renamedFrom {
            parts.append(language.say(vi: "đổi tên từ \(from)", en: "renamed from \(from)"))
        }
        if let own = change.own { parts.append(movement(from: own, to: result)) }
        if !change.predecessors.isEmpty {
            let list = change.predecessors.map { p in
                var inside: [String] = []
                if let rank = p.rank { inside.append(language.say(vi: "hạng \(rank)", en: "rank \(rank)")) }
                if let score = p.published { inside.append(NumberFormatting.fixed(score, decimals: decimals)) }
                return inside.isEmpty ? p.unit.rawValue : "\(p.unit) (\(inside.joined(separator: ", ")))"
            }.joined(separator: ", ")
            if change.own == nil {
                parts.append((language.say(vi: "sáp nhập từ ", en: "merged from ")) + list)
            } else {
                parts.append((language.say(vi: "tiếp nhận ", en: "absorbed ")) + list)
            }
        }
        if parts.isEmpty { return language.say(vi: "mới", en: "new") }
        return parts.joined(separator: "; ")
    }

    /// The score's change first, its arrow following the score (never ↑ when the score fell), then the rank's:
    /// `↑ +3.10 (hạng ↑2)`, `↓ −0.50 (hạng =)`. A rank moves only within a group of the same size; when the
    /// group grew or shrank (mergers), both ranks are given with their group sizes instead:
    /// `↓ −1.03 (hạng 40/40, kỳ trước 59/60)`.
    private func movement(from old: UnitChange.PreviousResult, to new: StoredResult) -> String {
        let en = language == .en
        var text = ""
        if let before = old.published, let now = new.published {
            let delta = Self.signed(now - before, decimals: decimals)
            let arrow =
                delta.hasPrefix("−") ? "↓" : delta.dropFirst().contains(where: { $0 != "0" && $0 != "." }) ? "↑" : "="
            text = "\(arrow) \(delta)"
        }
        if let before = old.rank, let now = new.rank {
            let rank: String
            if old.rankedCount == new.rankedCount {
                let moved = before > now ? "↑\(before - now)" : before < now ? "↓\(now - before)" : "="
                rank = (language.say(vi: "hạng ", en: "rank ")) + moved
            } else {
                rank =
                    en
                    ? "rank \(now)/\(new.rankedCount), previously \(before)/\(old.rankedCount)"
                    : "hạng \(now)/\(new.rankedCount), kỳ trước \(before)/\(old.rankedCount)"
            }
            text += text.isEmpty ? rank : " (\(rank))"
        }
        return text.isEmpty ? "—" : text
    }

    /// A difference with its sign and the framework's decimals: `+3.10`, `−0.50`, and `+0.00` for a difference
    /// that rounds to zero (never `−0.00`).
    public static func signed(_ delta: Double, decimals: Int) -> String {
        let shown = NumberFormatting.fixed(abs(delta), decimals: decimals)
        let sign = delta < 0 && shown.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "−" : "+"
        return sign + shown
    }
}
