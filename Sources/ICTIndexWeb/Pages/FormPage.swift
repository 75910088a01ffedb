import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// The self-assessment form of a unit and period: its values (as typed, when `typed` is given after a refused
    /// save, or else as stored), their evidence and problems, and the provisional score.
    func formPage(
        _ spec: FormSpec, _ context: WebContext, entries typed: [VariableID: FormEntry]?, message: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let w = context.language
        let state = try database.submissionStatus(period: spec.period, unit: spec.unit.code)
        let frozen = try database.publishedRun(forPeriod: spec.period) != nil
        let editable = context.user?.role == .agency && (state == nil || state == .draft) && !frozen
        let own = try database.dataset(forPeriod: spec.period, unit: spec.unit, sources: [.selfAssessed])
        var entries: [VariableID: FormEntry] = [:]
        for v in spec.variables {
            if let typed = typed?[v.id] {
                entries[v.id] = typed
            } else if let entry = own[spec.unit.code, v.id] {
                entries[v.id] = FormEntry(
                    text: Self.formText(entry.value, v), evidence: Evidence(text: entry.evidence) ?? Evidence())
            }
        }
        let problems = spec.variables.flatMap { v in (entries[v.id]?.errors ?? []).map { (v, $0) } }
        let published = frozen ? " — " + w.say(vi: "kỳ đã công bố", en: "period published") : ""
        // The state its values imply when none is recorded (values imported or saved before a status existed).
        let shown = Self.shownStatus(state, selfAssessed: own.entries(of: spec.unit.code).count, appraised: 0)
        // Progress: the fields filled, and the filled values without the evidence their variable requires.
        let filled = spec.variables.filter { !(entries[$0.id]?.text.isEmpty ?? true) }
        let noEvidence = filled.filter { $0.evidence == .required && (entries[$0.id]?.evidence.isEmpty ?? true) }
        var html: HTML = """
            <p>\(w.unit): <strong>\(spec.unit.name)</strong> (\(spec.unit.code.rawValue)) — \(w.period) \(spec.period) — \
            \(w.say(vi: "Trạng thái", en: "Status")): <strong id="status">\(w.status(shown))</strong>\(published)</p>
            <p id="progress">\(w.say(vi: "Đã nhập", en: "Filled in")) <strong>\(filled.count)/\(spec.variables.count)</strong>; \
            \(w.say(vi: "thiếu minh chứng bắt buộc", en: "missing required evidence")): <strong>\(noEvidence.count)</strong></p>
            """
        if let message { html += "<p class=\"notice\">\(message)</p>" }
        if !problems.isEmpty {
            let items = problems.map {
                "<li><a href=\"#v-\($0.0.id.rawValue)\">\($0.0.name.text(w))</a>: \($0.1)</li>" as HTML
            }
            html += """
                <div class="errors" id="errors"><p><strong>\(w.say(vi: "Chưa lưu: có \(problems.count) lỗi cần sửa", en: "Not saved: \(problems.count) problems to fix"))</strong></p>\
                <ul>\(items)</ul></div>
                """
        }
        // The provisional score: the unit's own values scored among every unit's own values.
        if !own.isEmpty,
            let result = try? await provisional.result(
                of: spec.unit, own: own.entries(of: spec.unit.code), period: spec.period, framework: spec.framework)
        {
            let rank = result.rank.map {
                " — " + w.say(vi: "hạng tạm tính", en: "provisional rank") + " \($0)/\(result.rankedCount)"
            }
            html += """
                <p class="card" id="provisional">\(w.say(vi: "Điểm tạm tính (theo số liệu tự đánh giá)", en: "Provisional score (from self-assessed values)")): \
                <strong>\(w.number(result.published, decimals: spec.framework.decimals))</strong> / \(NumberFormatting.plain(spec.framework.scale))\(rank ?? "")</p>
                """
        }
        let action = "/submissions/\(urlEncode(spec.period))/\(urlEncode(spec.unit.code.rawValue))"
        let disabled: HTML = editable ? "" : " disabled"
        // The revision the form was shown with: saving an older copy is refused (see save).
        let revision = try database.selfAssessmentRevision(period: spec.period, unit: spec.unit.code)
        html += """
            <form method="post" action="\(action)" enctype="multipart/form-data" id="self-form">\(csrfField(context))\
            <input type="hidden" name="revision" value="\(revision)">
            """
        // The buttons at the top and at the bottom of a long form.
        func buttons(_ suffix: String) -> HTML {
            """
            <p><button type="submit" id="save\(suffix)">\(w.save)</button> \
            <button type="submit" class="secondary" id="submit\(suffix)" formaction="\(action)/submit">\(w.say(vi: "Nộp để thẩm định", en: "Submit for appraisal"))</button></p>
            """
        }
        if editable { html += buttons("-top") }
        // The fields under the pillars of the criteria tree, each group with its own progress count.
        for section in FormSection.sections(of: spec.framework, for: spec.unit.group, variables: spec.variables) {
            let key = section.pillar.map { "p-" + $0.id.rawValue } ?? "other"
            let done = section.variables.filter { !(entries[$0.id]?.text.isEmpty ?? true) }.count
            var heading = section.pillar?.name.text(w) ?? w.say(vi: "Khác", en: "Other")
            if let points = section.maxPoints {
                let shown = NumberFormatting.plain(spec.framework.publish(points))
                heading += " — " + w.say(vi: "tối đa \(shown) điểm", en: "up to \(shown) points")
            }
            html += """
                <fieldset class="pillar" id="\(key)"><legend>\(heading) \
                <span class="muted" id="progress-\(key)">(\(w.say(vi: "đã nhập", en: "filled in")) \(done)/\(section.variables.count))</span></legend>
                """
            for v in section.variables {
                html += field(v, entries[v.id] ?? FormEntry(), disabled: disabled, w)
            }
            html += "</fieldset>"
        }
        if editable {
            html += buttons("")
        } else {
            html += """
                <p class="muted">\(w.say(vi: "Chỉ xem: hồ sơ đã nộp, đã thẩm định hoặc kỳ đã công bố.", en: "Read-only: submitted, appraised, or the period is published."))</p>
                """
        }
        html += "</form>"
        return Page(
            title: w.say(vi: "Tự đánh giá", en: "Self-assessment") + " \(spec.period)", body: html, context: context,
            path: action, status: status
        ).response()
    }

    /// One variable of the form: its label, input, problems and evidence.
    private func field(_ v: Variable, _ entry: FormEntry, disabled: HTML, _ w: Language) -> HTML {
        let id = v.id.rawValue
        var bounds: [String] = []
        let numeric = v.kind == .number || v.kind == .integer || v.kind == .percent
        if numeric, let lo = v.effectiveBounds.min { bounds.append("≥ \(NumberFormatting.plain(lo))") }
        if numeric, let hi = v.effectiveBounds.max { bounds.append("≤ \(NumberFormatting.plain(hi))") }
        let unit = v.unitOfMeasure.map { " <span class=\"muted\">(\($0))</span>" as HTML } ?? .empty
        let required =
            v.evidence == .required ? " — " + w.say(vi: "bắt buộc có tài liệu kiểm chứng", en: "evidence required") : ""
        // What to report, as the criteria word it.
        let help = v.description.map { "<div class=\"muted\">\($0.text(w))</div>" as HTML } ?? .empty
        var html: HTML = """
            <div class="field" id="v-\(id)"><label for="in-\(id)">\(v.name.text(w))\(unit)</label> \
            <span class="muted">\(bounds.joined(separator: ", "))\(required)</span>\(help)<br>
            """
        switch v.kind {
        case .boolean:
            // Yes / no as two labelled radio buttons (and "not answered", which empties the value).
            let options = [
                ("có", w.say(vi: "Có", en: "Yes")), ("không", w.say(vi: "Không", en: "No")), ("", w.say(vi: "Chưa trả lời", en: "Not answered")),
            ]
            let items = options.enumerated().map { k, option in
                """
                <label class="choice"><input type="radio" id="\(k == 0 ? "in-" + id : "in-\(id)-\(k)")" name="v.\(id)" value="\(option.0)"\
                \(" checked", if: option.0 == entry.text)\(disabled)> \(option.1)</label>
                """ as HTML
            }
            html += "<span class=\"choices\">\(items.joined(separator: " "))</span>"
        case .choice:
            let options: [(String, String)] = v.options.map { ($0.key, $0.value.text(w)) }
            let items = options.map { value, label in
                "<option value=\"\(value)\"\(" selected", if: value == entry.text)>\(label)</option>" as HTML
            }
            html += "<select id=\"in-\(id)\" name=\"v.\(id)\"\(disabled)><option value=\"\"></option>\(items)</select>"
        case .date:
            html += "<input type=\"date\" id=\"in-\(id)\" name=\"v.\(id)\" value=\"\(entry.text)\"\(disabled)>"
        case .text:
            html += "<input type=\"text\" id=\"in-\(id)\" name=\"v.\(id)\" value=\"\(entry.text)\"\(disabled)>"
        case .number, .integer, .percent:
            html += """
                <input type="text" inputmode="decimal" id="in-\(id)" name="v.\(id)" value="\(entry.text)" style="max-width:12em"\(disabled)>\
                \(" %", if: v.kind == .percent)
                """
        }
        for error in entry.errors { html += "<div class=\"error\">\(error)</div>" }
        if v.evidence != .none || !entry.evidence.isEmpty {
            let e = entry.evidence
            html += """
                <details\(" open", if: v.evidence == .required || !e.isEmpty)><summary>\(w.say(vi: "Tài liệu kiểm chứng", en: "Evidence"))</summary><div class="grid">
                """
            for (key, label, value) in [
                ("number", Words(vi: "Số hiệu", en: "Number"), e.number), ("title", Words(vi: "Tên văn bản", en: "Title"), e.title),
                ("date", Words(vi: "Ngày", en: "Date"), e.date), ("summary", Words(vi: "Trích yếu", en: "Summary"), e.summary),
                ("link", Words(vi: "Liên kết", en: "Link"), e.link),
            ] {
                html += """
                    <label>\(label(w))<br><input type="\(key == "date" ? "date" : "text")" name="e.\(id).\(key)" value="\(value ?? "")"\(disabled)></label>
                    """
            }
            let megabytes = configuration.maxUploadBytes / 1024 / 1024
            html += """
                <label>\(w.say(vi: "Tệp (PDF, PNG, JPEG; tối đa \(megabytes) MB)", en: "File (PDF, PNG, JPEG; up to \(megabytes) MB)"))<br>\
                <input type="file" name="f.\(id)" accept="application/pdf,image/png,image/jpeg"\(disabled)></label>
                """
            if let file = e.file {
                let parts = file.split(separator: " ", maxSplits: 1)
                let name = parts.count > 1 ? String(parts[1]) : String(parts[0])
                html += """
                    <input type="hidden" name="e.\(id).file" value="\(file)"><span><a href="/files/\(urlEncode(String(parts[0])))">\(name)</a></span>
                    """
            }
            html += "</div></details>"
        }
        return html + "</div>"
    }
}
