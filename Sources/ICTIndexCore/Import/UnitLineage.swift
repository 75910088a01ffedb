import Localization

/// Checks that the units' successions form a forest of dated successions (D020).
///
/// Following `successor` from any unit must end at a unit without one: a unit never succeeds itself, every
/// successor is a known unit (in the file or already stored), no chain of successors comes back to where it
/// started, a unit does not end before it starts, and a unit is not succeeded by one that ended before it did.
/// Otherwise year-over-year comparisons would follow a lineage that loops or leads nowhere.
struct UnitLineage {
    /// Where a unit's row and cells are, for messages.
    struct Place {
        var row: Int
        var at: SourceLocation
        var successor: SourceLocation?
        var validTo: SourceLocation?
    }

    /// The file the units were read from.
    let file: String
    /// The units of the file, in file order.
    let units: [Unit]
    /// Where each unit of the file is.
    let places: [UnitCode: Place]
    /// The units the database already has.
    let stored: [Unit]
    /// Every code the file lists, also on rows refused for other reasons (so their successors are not
    /// reported as unknown too).
    let listed: Set<UnitCode>

    /// Every lineage problem, in file order.
    ///
    /// - Complexity: O(n) for n units: each unit's successor chain is walked once, colouring units as done.
    func problems() -> [Diagnostic] {
        var all: [UnitCode: Unit] = [:]
        for unit in stored { all[unit.code] = unit }
        for unit in units { all[unit.code] = unit }
        var diagnostics: [Diagnostic] = []
        for unit in units {
            let place = places[unit.code]
            if let from = unit.validFrom, let to = unit.validTo, to < from {
                diagnostics.append(
                    .error(
                        .invalidLineage, at: place?.validTo ?? place?.at, subject: .unit(unit.code),
                        Words(
                            vi: "đơn vị '\(unit.code)' kết thúc (valid_to \(to)) trước khi bắt đầu "
                                + "(valid_from \(from))",
                            en: "unit '\(unit.code)' ends (valid_to \(to)) before it starts (valid_from \(from))"),
                        hint: Words(
                            vi: "hãy đổi chỗ hoặc sửa lại hai ngày; valid_to là ngày cuối cùng của đơn vị",
                            en: "swap or correct the dates; valid_to is the unit's last day")))
            }
            guard let successor = unit.successor else { continue }
            let at = place?.successor ?? place?.at
            if successor == unit.code {
                diagnostics.append(
                    .error(
                        .invalidLineage, at: at, subject: .unit(unit.code),
                        Words(
                            vi: "đơn vị '\(unit.code)' tự kế thừa chính nó", en: "unit '\(unit.code)' succeeds itself"),
                        hint: Words(
                            vi: "hãy để trống 'successor', hoặc ghi mã của đơn vị đã thay thế nó",
                            en: "leave 'successor' empty, or write the code of the unit that replaced it")))
            } else if let next = all[successor] {
                if let end = unit.validTo, let nextEnd = next.validTo, nextEnd < end {
                    diagnostics.append(
                        .error(
                            .invalidLineage, at: at, subject: .unit(unit.code),
                            Words(
                                vi: "đơn vị '\(unit.code)' (đến \(end)) có đơn vị kế thừa '\(successor)' đã kết thúc "
                                    + "sớm hơn (\(nextEnd))",
                                en: "unit '\(unit.code)' (until \(end)) is succeeded by '\(successor)', which ended "
                                    + "earlier (\(nextEnd))"),
                            hint: Words(
                                vi: "hãy kiểm tra mã đơn vị kế thừa và ngày valid_to của cả hai đơn vị",
                                en: "check the successor's code and both units' valid_to dates")))
                }
            } else if !listed.contains(successor) {
                var hint = Words(
                    vi: "hãy nhập cả đơn vị kế thừa, hoặc sửa lại mã của nó",
                    en: "import the successor too, or correct its code")
                let codes = all.keys.map(\.rawValue).sorted()
                if let near = Suggestion.suggestion(for: successor.rawValue, among: codes) {
                    hint = near.orElse(hint)
                }
                let echoed = MessageText.echo(successor.rawValue)
                diagnostics.append(
                    .error(
                        .invalidLineage, at: at, subject: .unit(unit.code),
                        Words(
                            vi: "đơn vị '\(unit.code)': đơn vị kế thừa '\(echoed)' không có trong danh sách đơn vị",
                            en: "unit '\(unit.code)': successor '\(echoed)' is not a known unit"),
                        hint: hint))
            }
        }
        diagnostics += cycles(all)
        return diagnostics
    }

    /// One diagnostic per cycle of successors (of two or more units), at the first of its units in the file.
    private func cycles(_ all: [UnitCode: Unit]) -> [Diagnostic] {
        enum State { case visiting, done }
        var state: [UnitCode: State] = [:]
        var diagnostics: [Diagnostic] = []
        let order = stored.map(\.code).filter { places[$0] == nil } + units.map(\.code)
        for start in order where state[start] == nil {
            var path: [UnitCode] = []
            var code: UnitCode? = start
            while let current = code, state[current] == nil {
                state[current] = .visiting
                path.append(current)
                code = all[current]?.successor.flatMap { $0 == current ? nil : $0 }
            }
            if let current = code, state[current] == .visiting, let index = path.firstIndex(of: current) {
                let cycle = Array(path[index...])
                let first = cycle.min { (places[$0]?.row ?? .max) < (places[$1]?.row ?? .max) } ?? current
                let rotated = Array(
                    cycle[(cycle.firstIndex(of: first) ?? 0)...]
                        + cycle[..<(cycle.firstIndex(of: first) ?? 0)])
                let text = (rotated + [first]).map { "'\($0)'" }.joined(separator: " → ")
                diagnostics.append(
                    .error(
                        .invalidLineage,
                        at: places[first]?.successor ?? places[first]?.at ?? SourceLocation(file: file),
                        subject: .unit(first),
                        Words(
                            vi: "các đơn vị kế thừa nhau thành một vòng: \(text)",
                            en: "the successors of units go round in a cycle: \(text)"),
                        hint: Words(
                            vi: "đơn vị kế thừa thay hẳn đơn vị cũ; hãy bỏ 'successor' trỏ ngược lại",
                            en: "a unit's successor replaces it for good; remove the successor that points back")))
            }
            for visited in path { state[visited] = .done }
        }
        return diagnostics
    }
}
