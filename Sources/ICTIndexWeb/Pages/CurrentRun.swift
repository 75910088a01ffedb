import Hummingbird
import ICTIndexCore
import ICTIndexStorage

/// The run a page of results shows: the period asked for (`?period=`, else the latest with a run) and its current
/// run, shared by the overview, the ranking and the map.
struct CurrentRun {
    /// Every period that has a run, oldest first.
    let periods: [String]
    let period: String
    let id: Int
    let summary: RunSummary
    let view: RunView
}

extension WebApp {
    /// The current run of the period the request asks for, or nil when no period has a run yet (or the one asked
    /// for has none).
    func currentRun(_ request: Request) throws -> CurrentRun? {
        let periods = try database.periodsWithRuns()
        guard let period = try self.period(request.query("period")), periods.contains(period) else { return nil }
        let id = try database.currentRun(forPeriod: period)
        return CurrentRun(
            periods: periods, period: period, id: id, summary: try database.runSummary(id), view: try runView(id))
    }

    /// The page that says no run has been recorded yet.
    func noRunPage(title: String, _ context: WebContext, path: String) -> Response {
        let w = context.language
        return Page(
            title: title, body: "<p>\(w.say(vi: "Chưa có lần chấm nào.", en: "No run has been recorded yet."))</p>",
            context: context, path: path
        ).response()
    }
}
