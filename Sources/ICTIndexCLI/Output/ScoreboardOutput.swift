import ICTIndexCore

/// What `score` and `results` print for a scoreboard: a rendering, or one unit's explanation.
enum ScoreboardOutput {
    /// The scoreboard as a table, CSV or JSON.
    static func render(_ scoreboard: Scoreboard, format: OutputFormat, language: Language) -> String {
        switch format {
        case .table: TableRenderer(scoreboard: scoreboard, language: language).render()
        case .csv: CSVRenderer(scoreboard: scoreboard, language: language).render()
        case .json: JSONRenderer(scoreboard: scoreboard, language: language).render()
        }
    }

    /// The explanation of one unit, or D001 with a suggestion when the unit was not scored.
    ///
    /// - Parameters:
    ///   - place: where the unit was looked for, for the message ("the data scored", "run 3").
    ///   - fallbackHint: the hint when no code is close enough to suggest.
    static func explanation(
        of code: String, in scoreboard: Scoreboard, language: Language, place: Words, fallbackHint: Words
    ) throws(ValidationFailure) -> String {
        guard let explanation = scoreboard.explain(UnitCode(code), language: language) else {
            let known = scoreboard.units.map(\.unit.code.rawValue)
            throw ValidationFailure(diagnostics: [
                .error(
                    .unknownUnit, subject: .unit(UnitCode(code)),
                    Words(
                        vi: "đơn vị '\(code)' không có trong \(place.vi)", en: "unit '\(code)' is not in \(place.en)"),
                    hint: Suggestion.suggestion(for: code, among: known) ?? fallbackHint)
            ])
        }
        return explanation.description
    }
}
