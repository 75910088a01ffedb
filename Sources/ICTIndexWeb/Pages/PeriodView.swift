import Hummingbird
import ICTIndexCore
import ICTIndexStorage

/// What an admin page of one period starts with: the words, the periods and the one chosen (`?period=`, or else
/// the latest).
struct PeriodView {
    var w: Language
    var periods: [String]
    var period: String

    var unpacked: (Language, [String], String) { (w, periods, period) }

    /// The form that chooses the period of the page at `action`.
    func selector(_ action: String) -> HTML {
        let options = periods.reversed().map { "<option\(" selected", if: $0 == period)>\($0)</option>" as HTML }
        return """
            <form method="get" action="\(action)" class="filters"><label>\(w.period)<br><select name="period">\(options)</select></label>
            <button type="submit">\(w.say(vi: "Xem", en: "Show"))</button></form>
            """
    }
}

extension WebApp {
    func periodView(_ request: Request, _ context: WebContext) throws -> PeriodView {
        let w = context.language
        let periods = try database.periods()
        guard let period = (request.query("period").flatMap { $0.isEmpty ? nil : $0 }) ?? periods.last else {
            throw Self.noPeriod()
        }
        guard periods.contains(period) else {
            throw WebError(.notFound, vi: "Không có kỳ \(period).", en: "There is no period \(period).")
        }
        return PeriodView(w: w, periods: periods, period: period)
    }

    /// The button that scores a period (disabled once it is published).
    func scoreButton(_ period: String, frozen: Bool, _ context: WebContext, _ w: Language) -> HTML {
        """
        <form method="post" action="/admin/run" class="inline noprint">\(csrfField(context))\
        <input type="hidden" name="period" value="\(period)"><button type="submit" id="run"\(" disabled", if: frozen)>\
        \(w.say(vi: "Chấm điểm kỳ \(period)", en: "Score period \(period)"))</button></form>
        """
    }
}
