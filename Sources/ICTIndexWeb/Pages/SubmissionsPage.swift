import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/admin/submissions`: every unit of a period with the state of its self-assessment and its values, its group
    /// by the criteria's name. A unit with no recorded state shows the state its values imply (see
    /// ``shownStatus(_:selfAssessed:appraised:)``), and the counts at the top are those of the rows.
    func submissionsPage(_ request: Request, _ context: WebContext) throws -> Response {
        let view = try periodView(request, context)
        let (w, _, period) = view.unpacked
        let statuses = try database.submissionStatuses(forPeriod: period)
        let valueCounts = try database.valueCounts(forPeriod: period)
        let units = try database.units(inPeriod: period)
        let groups = (try? framework(forPeriod: period).0.framework.groups) ?? [:]
        func status(_ code: UnitCode) -> SubmissionStatus? {
            Self.shownStatus(
                statuses[code], selfAssessed: valueCounts[code]?.selfAssessed ?? 0,
                appraised: valueCounts[code]?.appraised ?? 0)
        }
        var counts: [SubmissionStatus?: Int] = [:]
        for u in units { counts[status(u.code), default: 0] += 1 }
        let states = ([nil] + SubmissionStatus.allCases.map(Optional.some)).map {
            "\(w.status($0)): <strong>\(counts[$0] ?? 0)</strong>" as HTML
        }
        let frozen = try database.publishedRun(forPeriod: period) != nil
        var html: HTML = """
            \(view.selector("/admin/submissions"))<p>\(states.joined(separator: " · "))</p>
            \(scoreButton(period, frozen: frozen, context, w))
            <div class="scroll"><table><thead><tr><th>\(w.say(vi: "Mã", en: "Code"))</th><th>\(w.unit)</th><th>\(w.group)</th>\
            <th>\(w.say(vi: "Trạng thái", en: "Status"))</th><th class="num">\(w.say(vi: "Số giá trị tự đánh giá", en: "Self-assessed values"))</th>\
            <th class="num">\(w.say(vi: "Đã thẩm định", en: "Appraised"))</th><th></th></tr></thead><tbody>
            """
        let appraise = w.say(vi: "Thẩm định", en: "Appraise")
        for u in units {
            html += """
                <tr><td>\(u.code.rawValue)</td><td>\(u.name)</td><td>\(groups[u.group]?.name.text(w) ?? u.group.rawValue)</td><td>\(w.status(status(u.code)))</td>\
                <td class="num">\(valueCounts[u.code]?.selfAssessed ?? 0)</td><td class="num">\(valueCounts[u.code]?.appraised ?? 0)</td>\
                <td><a href="/admin/appraise/\(urlEncode(period))/\(urlEncode(u.code.rawValue))">\(appraise)</a></td></tr>
                """
        }
        html += "</tbody></table></div>"
        return Page(
            title: w.submissions + " — " + period, body: html, context: context, path: request.uri.description
        ).response()
    }

    /// The state of a self-assessment as the pages show it: the recorded one, or else what the values imply, so a
    /// unit with values never reads "not started": appraised values → appraised, self-assessed values → draft.
    static func shownStatus(_ recorded: SubmissionStatus?, selfAssessed: Int, appraised: Int) -> SubmissionStatus? {
        if let recorded { return recorded }
        if appraised > 0 { return .appraised }
        return selfAssessed > 0 ? .draft : nil
    }
}
