import Foundation
import Hummingbird
import HummingbirdBcrypt
import ICTIndexCore
import ICTIndexWebForms
import OrderedCollections
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage

extension WebApp {
    /// The department's pages: submissions, appraisal, runs (score, compare, publish), the audit log, users.
    func addAdminRoutes(to group: RouterGroup<WebContext>) {
        group.get("/submissions") { request, context in try self.submissions(request, context) }
        group.get("/appraise/:period/:unit") { request, context in
            let (spec, _) = try self.formSpec(context, write: false)
            return try self.appraisalPage(spec, context, errors: [:], message: nil)
        }
        group.post("/appraise/:period/:unit") { request, context in try await self.appraise(request, context) }
        group.get("/runs") { request, context in try self.runsPage(request, context) }
        group.post("/run") { request, context in
            let body = try await self.form(request, context)
            let user = try self.user(context)
            let period = body.fields["period"] ?? ""
            guard try self.database.periods().contains(period) else { throw Self.noPeriod() }
            if let published = try self.database.publishedRun(forPeriod: period) {
                throw WebError(
                    .conflict, vi: "Kỳ \(period) đã công bố (lần chấm \(published)) nên không chấm lại.",
                    en: "Period \(period) is published (run \(published)), so it is not scored again.")
            }
            let (loaded, source) = try self.framework(forPeriod: period)
            let (summary, _) = try PeriodScoring.score(
                period: period, framework: loaded, source: source,
                label: self.configuration.frameworkPath ?? "\(source.id) (stored)", database: self.database,
                who: user.name, engineVersion: self.configuration.engineVersion)
            return Self.redirect("/admin/runs?period=\(urlEncode(period))&a=\(summary.id)")
        }
        group.post("/publish") { request, context in
            let body = try await self.form(request, context)
            let user = try self.user(context)
            guard let id = Int(body.fields["run"] ?? "") else {
                throw WebError(.badRequest, vi: "run: không phải số.", en: "run: not a number.")
            }
            let summary = try self.database.publish(run: id, who: user.name)
            return Self.redirect("/admin/runs?period=\(urlEncode(summary.period))&a=\(id)")
        }
        group.get("/audit") { request, context in try self.auditPage(request, context) }
        group.get("/users") { _, context in try self.usersPage(context, message: nil) }
        group.post("/users") { request, context in try await self.addUser(request, context) }
        group.post("/users/:id") { request, context in try await self.changeUser(request, context) }
    }

    private func periodSelector(_ action: String, _ period: String, _ periods: [String], _ w: Words) -> String {
        """
        <form method="get" action="\(action)" class="filters"><label>\(w.period)<br><select name="period">\(periods.reversed().map { "<option\($0 == period ? " selected" : "")>\(esc($0))</option>" }.joined())</select></label>
        <button type="submit">\(w.t("Xem", "Show"))</button></form>
        """
    }

    /// What an admin page of one period starts with: the words, the query, the periods and the one chosen
    /// (`?period=`, or else the latest).
    private struct PeriodView {
        var w: Words
        var periods: [String]
        var period: String

        var unpacked: (Words, [String], String) { (w, periods, period) }
    }

    private func periodView(_ request: Request, _ context: WebContext) throws -> PeriodView {
        let w = Words(context.language)
        let periods = try database.periods()
        guard let period = (request.query("period").flatMap { $0.isEmpty ? nil : $0 }) ?? periods.last else {
            throw Self.noPeriod()
        }
        guard periods.contains(period) else {
            throw WebError(.notFound, vi: "Không có kỳ \(period).", en: "There is no period \(period).")
        }
        return PeriodView(w: w, periods: periods, period: period)
    }

    private func submissions(_ request: Request, _ context: WebContext) throws -> Response {
        let (w, periods, period) = try periodView(request, context).unpacked
        let statuses = try database.submissionStatuses(forPeriod: period)
        let valueCounts = try database.valueCounts(forPeriod: period)
        let units = try database.units(inPeriod: period)
        var counts: [SubmissionStatus?: Int] = [:]
        for u in units { counts[statuses[u.code], default: 0] += 1 }
        var html = periodSelector("/admin/submissions", period, periods, w)
        html += "<p>" + ([nil] + SubmissionStatus.allCases.map(Optional.some)).map { "\(esc(w.status($0))): <strong>\(counts[$0] ?? 0)</strong>" }.joined(separator: " · ") + "</p>"
        let frozen = try database.publishedRun(forPeriod: period) != nil
        html += """
            <form method="post" action="/admin/run" class="inline noprint">\(csrfField(context))<input type="hidden" name="period" value="\(esc(period))"><button type="submit" id="run"\(frozen ? " disabled" : "")>\(esc(w.t("Chấm điểm kỳ \(period)", "Score period \(period)")))</button></form>
            <div class="scroll"><table><thead><tr><th>\(w.t("Mã", "Code"))</th><th>\(w.unit)</th><th>\(w.group)</th><th>\(w.t("Trạng thái", "Status"))</th><th class="num">\(w.t("Số giá trị tự đánh giá", "Self-assessed values"))</th><th class="num">\(w.t("Đã thẩm định", "Appraised"))</th><th></th></tr></thead><tbody>
            """
        for u in units {
            html += "<tr><td>\(esc(u.code.rawValue))</td><td>\(esc(u.name))</td><td>\(esc(u.group.rawValue))</td><td>\(esc(w.status(statuses[u.code])))</td><td class=\"num\">\(valueCounts[u.code]?.selfAssessed ?? 0)</td><td class=\"num\">\(valueCounts[u.code]?.appraised ?? 0)</td>"
            html += "<td><a href=\"/admin/appraise/\(urlEncode(period))/\(urlEncode(u.code.rawValue))\">\(w.t("Thẩm định", "Appraise"))</a></td></tr>"
        }
        html += "</tbody></table></div>"
        return Page(title: w.submissions + " — " + period, body: html, context: context, path: request.uri.description).response()
    }

    private func appraisalPage(
        _ spec: FormSpec, _ context: WebContext, errors: [VariableID: [String]], message: String?,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let w = Words(context.language)
        let lang = context.language
        let pairs = try database.valuePairs(forPeriod: spec.period, unit: spec.unit.code)
        let byVariable = Dictionary(uniqueKeysWithValues: pairs.map { ($0.variable, $0) })
        let own = try database.dataset(forPeriod: spec.period, unit: spec.unit, sources: [.selfAssessed])
        let state = try database.submissionStatus(period: spec.period, unit: spec.unit.code)
        let frozen = try database.publishedRun(forPeriod: spec.period) != nil
        let action = "/admin/appraise/\(urlEncode(spec.period))/\(urlEncode(spec.unit.code.rawValue))"
        var html = "<p>\(w.unit): <strong>\(esc(spec.unit.name))</strong> (\(esc(spec.unit.code.rawValue))) — \(w.t("Trạng thái", "Status")): \(esc(w.status(state)))\(frozen ? " — " + w.t("kỳ đã công bố, không sửa được", "period published, read-only") : "")</p>"
        if let message { html += "<p class=\"notice\">\(esc(message))</p>" }
        let problems = errors.values.flatMap { $0 }
        if !problems.isEmpty {
            var items: [String] = []
            for v in spec.variables {
                for e in errors[v.id] ?? [] { items.append("<li>\(esc(v.name.text(lang))): \(esc(e))</li>") }
            }
            let heading = w.t("Chưa lưu: \(problems.count) lỗi", "Not saved: \(problems.count) problems")
            html += "<div class=\"errors\"><p><strong>\(heading)</strong></p><ul>" + items.joined() + "</ul></div>"
        }
        html += "<form method=\"post\" action=\"\(action)\">" + csrfField(context)
        html += "<div class=\"scroll\"><table><thead><tr><th>\(w.t("Biến", "Variable"))</th><th>\(w.t("Tự đánh giá", "Self-assessed"))</th><th>\(w.t("Tài liệu kiểm chứng", "Evidence"))</th><th>\(w.t("Thẩm định", "Appraised"))</th><th>\(w.t("Quyết định", "Decision"))</th><th>\(w.t("Giá trị điều chỉnh", "Adjusted value"))</th><th>\(w.t("Lý do", "Reason"))</th></tr></thead><tbody>"
        for v in spec.variables {
            let id = esc(v.id.rawValue)
            let pair = byVariable[v.id]
            let evidence = Evidence(text: own[spec.unit.code, v.id]?.evidence)
            var evidenceHTML = ""
            if let e = evidence {
                let parts: [String?] = [e.number, e.title, e.date, e.summary]
                evidenceHTML = parts.compactMap { $0 }.map(esc).joined(separator: "; ")
                if let link = e.link { evidenceHTML += " <span class=\"muted\">\(esc(link))</span>" }
                if let file = e.file {
                    let parts = file.split(separator: " ", maxSplits: 1)
                    evidenceHTML += " <a href=\"/files/\(esc(String(parts[0])))\">\(esc(parts.count > 1 ? String(parts[1]) : "file"))</a>"
                }
            }
            html += "<tr id=\"a-\(id)\"><td>\(esc(v.name.text(lang))) <span class=\"muted\">[\(id)]</span>"
            for e in errors[v.id] ?? [] { html += "<div class=\"error\">\(esc(e))</div>" }
            html += "</td><td>\(esc(pair?.selfAssessed.map { Self.formText($0, v) } ?? "—"))</td><td>\(evidenceHTML)</td><td>\(esc(pair?.appraised.map { Self.formText($0, v) } ?? "—"))</td>"
            html += "<td><select name=\"d.\(id)\"\(frozen ? " disabled" : "")><option value=\"\">—</option><option value=\"accept\">\(w.t("Chấp nhận", "Accept"))</option><option value=\"adjust\">\(w.t("Điều chỉnh", "Adjust"))</option></select></td>"
            html += "<td><input type=\"text\" name=\"n.\(id)\" style=\"max-width:9em\"\(frozen ? " disabled" : "")></td><td><input type=\"text\" name=\"r.\(id)\"\(frozen ? " disabled" : "")></td></tr>"
        }
        html += "</tbody></table></div>"
        if !frozen {
            html += "<p><button type=\"submit\" id=\"appraise\">\(w.t("Ghi quyết định thẩm định", "Record decisions"))</button> "
                + "<button type=\"submit\" class=\"secondary\" name=\"all\" value=\"accept\">\(w.t("Chấp nhận mọi giá trị chưa quyết định", "Accept every value not decided"))</button></p>"
        }
        html += "</form>"
        return Page(title: w.t("Thẩm định", "Appraisal") + " \(spec.period)", body: html, context: context, path: action, status: status).response()
    }

    private func appraise(_ request: Request, _ context: WebContext) async throws -> Response {
        let (spec, user) = try formSpec(context, write: false)
        let body = try await form(request, context)
        let w = Words(context.language)
        let parser = CellParser()
        let pairs = try database.valuePairs(forPeriod: spec.period, unit: spec.unit.code)
        let hasOwn = Set(pairs.filter { $0.selfAssessed != nil }.map(\.variable))
        var decisions: [AppraisalInput] = []
        var errors: [VariableID: [String]] = [:]
        let acceptRest = body.fields["all"] == "accept"
        for v in spec.variables {
            let id = v.id.rawValue
            let reason = (body.fields["r.\(id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            switch body.fields["d.\(id)"] ?? "" {
            case "accept":
                if hasOwn.contains(v.id) {
                    decisions.append(AppraisalInput(unit: spec.unit.code, variable: v.id, decision: .accept, reason: reason.isEmpty ? nil : reason))
                } else {
                    errors[v.id, default: []].append(w.t("không có giá trị tự đánh giá để chấp nhận", "there is no self-assessed value to accept"))
                }
            case "adjust":
                do {
                    if let value = try parser.value(of: body.fields["n.\(id)"] ?? "", for: v) {
                        if reason.isEmpty {
                            errors[v.id, default: []].append(w.t("điều chỉnh cần có lý do", "an adjustment needs a reason"))
                        } else {
                            decisions.append(AppraisalInput(unit: spec.unit.code, variable: v.id, decision: .adjust(value), reason: reason))
                        }
                    } else {
                        errors[v.id, default: []].append(w.t("chưa nhập giá trị điều chỉnh", "no adjusted value given"))
                    }
                } catch {
                    errors[v.id, default: []].append(Self.describe(error, w))
                }
            case "":
                if acceptRest && hasOwn.contains(v.id) {
                    decisions.append(AppraisalInput(unit: spec.unit.code, variable: v.id, decision: .accept))
                }
            case let other:
                errors[v.id, default: []].append("'\(other)': " + w.t("quyết định không hợp lệ", "not a decision"))
            }
        }
        if !errors.isEmpty {
            return try appraisalPage(spec, context, errors: errors, message: nil, status: .unprocessableContent)
        }
        let summary = try database.appraise(decisions, period: spec.period, file: "web", who: user.name)
        if !decisions.isEmpty {
            try database.setSubmissionStatus(.appraised, period: spec.period, unit: spec.unit.code, who: user.name)
        }
        return try appraisalPage(
            spec, context, errors: [:],
            message: w.t("Đã ghi: \(summary.added) mới, \(summary.changed) thay đổi, \(summary.unchanged) không đổi.",
                         "Recorded: \(summary.added) new, \(summary.changed) changed, \(summary.unchanged) unchanged."))
    }

    private func runsPage(_ request: Request, _ context: WebContext) throws -> Response {
        let view = try periodView(request, context)
        let (w, periods, period) = view.unpacked
        let runs = try database.runs(forPeriod: period)
        let frozen = runs.contains { $0.status == .published }
        var html = periodSelector("/admin/runs", period, periods, w)
        html += "<form method=\"post\" action=\"/admin/run\" class=\"inline noprint\">\(csrfField(context))<input type=\"hidden\" name=\"period\" value=\"\(esc(period))\"><button type=\"submit\" id=\"run\"\(frozen ? " disabled" : "")>\(esc(w.t("Chấm điểm kỳ \(period)", "Score period \(period)")))</button></form>"
        html += "<table><thead><tr><th>\(w.t("Lần chấm", "Run"))</th><th>\(w.t("Bộ tiêu chí", "Criteria"))</th><th>\(w.t("Người chấm, thời điểm", "By, at"))</th><th>\(w.t("Trạng thái", "Status"))</th><th></th></tr></thead><tbody>"
        for r in runs {
            let state = r.status == .published
                ? w.t("đã công bố", "published") + " \(r.publishedAt ?? "")"
                : w.t("bản nháp", "draft") + (r.isCurrent ? "" : " — " + w.t("số liệu đã thay đổi sau lần chấm", "values changed since"))
            html += "<tr><td>\(r.id)</td><td>\(esc(r.frameworkID)) \(esc(r.edition ?? "")) <span class=\"muted\">\(esc(String(r.frameworkSHA256.prefix(12))))</span></td><td>\(esc(r.who)), \(esc(r.at))</td><td>\(esc(state))</td><td>"
            if r.status == .draft && r.isCurrent && !frozen {
                html += "<form method=\"post\" action=\"/admin/publish\" class=\"inline\">\(csrfField(context))<input type=\"hidden\" name=\"run\" value=\"\(r.id)\"><button type=\"submit\" id=\"publish-\(r.id)\">\(w.t("Công bố (khóa số liệu)", "Publish (freeze)"))</button></form>"
            }
            html += "</td></tr>"
        }
        html += "</tbody></table>"
        // Comparing two runs: each unit's score and rank in both.
        let ids = runs.map(\.id)
        html += "<h2>\(w.t("So sánh hai lần chấm", "Compare two runs"))</h2><form method=\"get\" action=\"/admin/runs\" class=\"filters\"><input type=\"hidden\" name=\"period\" value=\"\(esc(period))\">"
        for key in ["a", "b"] {
            html += "<label>\(key.uppercased())<br><select name=\"\(key)\"><option value=\"\"></option>\(ids.map { "<option\(request.query(key) == String($0) ? " selected" : "")>\($0)</option>" }.joined())</select></label>"
        }
        html += "<button type=\"submit\">\(w.t("So sánh", "Compare"))</button></form>"
        if let a = Int(request.query("a") ?? ""), let b = Int(request.query("b") ?? ""), a != b {
            html += try comparison(a, b, w)
        }
        return Page(title: w.runs + " — " + period, body: html, context: context, path: request.uri.description).response()
    }

    /// Two runs side by side: every unit whose score, rank or band differs, with the change of its score and the
    /// pillar that moved most; units scored in only one of them; how many changed band.
    private func comparison(_ a: Int, _ b: Int, _ w: Words) throws -> String {
        let (va, vb) = (try runView(a), try runView(b))
        let decimals = va.framework.decimals
        let bandNames = Dictionary(
            (va.framework.bands + vb.framework.bands).map { ($0.id, $0.name.text(w.language)) }, uniquingKeysWith: { x, _ in x })
        func band(_ r: StoredResult?) -> String { r?.band.map { bandNames[$0] ?? $0.rawValue } ?? "—" }
        // Pillars of A, with their column in B (matched by id: the criteria may differ between the runs).
        let pillars = va.framework.pillars.enumerated().map { i, p in
            (name: p.name.text(w.language), a: i, b: vb.framework.pillars.firstIndex { $0.id == p.id })
        }
        func signed(_ x: Double) -> String { ChangeText.signed(x, decimals: decimals) }
        var rows = ""
        var differing = 0
        var bandChanges = 0
        for i in va.byRank {
            let r = va.results[i]
            let other = vb.positions[r.unit.code]
            let s = other.map { vb.results[$0] }
            guard s?.published != r.published || s?.rank != r.rank || s?.band != r.band else { continue }
            differing += 1
            if let s, s.band != r.band { bandChanges += 1 }
            var delta = ""
            if let x = r.published, let y = s?.published { delta = signed(y - x) }
            var moved = ""
            if let j = other {
                let changes = pillars.compactMap { p -> (String, Double)? in
                    guard let column = p.b, let x = va.pillarValues[i][p.a], let y = vb.pillarValues[j][column] else { return nil }
                    return (p.name, y - x)
                }
                if let most = changes.max(by: { abs($0.1) < abs($1.1) }), abs(most.1) > 0 {
                    moved = "\(esc(most.0)) \(signed(most.1))"
                }
            }
            rows += "<tr><td>\(esc(r.unit.code.rawValue))</td><td>\(esc(r.unit.name))</td>"
                + "<td class=\"num\">\(w.number(r.published, decimals: decimals))</td><td class=\"num\">\(r.rank.map(String.init) ?? "—")</td><td>\(esc(band(r)))</td>"
                + "<td class=\"num\">\(w.number(s?.published, decimals: decimals))</td><td class=\"num\">\(s?.rank.map(String.init) ?? "—")</td><td>\(esc(band(s)))</td>"
                + "<td class=\"num\">\(delta)</td><td>\(moved)</td></tr>"
        }
        let onlyB = vb.byRank.map { vb.results[$0] }.filter { va.positions[$0.unit.code] == nil }
        for s in onlyB {
            differing += 1
            rows += "<tr><td>\(esc(s.unit.code.rawValue))</td><td>\(esc(s.unit.name))</td><td class=\"num\">—</td><td class=\"num\">—</td><td>—</td>"
                + "<td class=\"num\">\(w.number(s.published, decimals: decimals))</td><td class=\"num\">\(s.rank.map(String.init) ?? "—")</td><td>\(esc(band(s)))</td><td></td><td></td></tr>"
        }
        var html = "<p id=\"comparison\">\(w.t("\(differing) đơn vị khác nhau giữa lần chấm \(a) và \(b); \(bandChanges) đơn vị đổi xếp loại.", "\(differing) units differ between runs \(a) and \(b); \(bandChanges) changed band."))</p>"
        if differing > 0 {
            html += "<div class=\"scroll\"><table><thead><tr><th>\(w.t("Mã", "Code"))</th><th>\(w.unit)</th>"
                + "<th class=\"num\">\(w.score) \(a)</th><th class=\"num\">\(w.rank) \(a)</th><th>\(w.band) \(a)</th>"
                + "<th class=\"num\">\(w.score) \(b)</th><th class=\"num\">\(w.rank) \(b)</th><th>\(w.band) \(b)</th>"
                + "<th class=\"num\">\(w.t("Chênh lệch", "Difference"))</th><th>\(w.t("Nhóm tiêu chí thay đổi nhiều nhất", "Pillar that moved most"))</th>"
                + "</tr></thead><tbody>\(rows)</tbody></table></div>"
        }
        return html
    }

    private func auditPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = Words(context.language)
        let since = request.query("since").flatMap { $0.isEmpty ? nil : $0 }
        let unit = request.query("unit").flatMap { $0.isEmpty ? nil : UnitCode($0) }
        let who = request.query("who") ?? ""
        let action = request.query("action") ?? ""
        let period = request.query("period") ?? ""
        let filter = AuditFilter(
            since: since, unit: unit, who: who.isEmpty ? nil : who, action: action.isEmpty ? nil : action,
            period: period.isEmpty ? nil : period)
        let total = try database.auditCount(filter)
        let entries = Array(try database.auditEntries(filter, last: 500).reversed())
        var html = "<form method=\"get\" action=\"/admin/audit\" class=\"filters\">"
        for (key, label) in [("since", w.t("Từ ngày", "Since")), ("who", w.t("Người", "Who")), ("action", w.t("Hành động", "Action")), ("unit", w.unit), ("period", w.period)] {
            html += "<label>\(label)<br><input type=\"\(key == "since" ? "date" : "text")\" name=\"\(key)\" value=\"\(esc(request.query(key) ?? ""))\" style=\"max-width:11em\"></label>"
        }
        html += "<button type=\"submit\">\(w.t("Lọc", "Filter"))</button></form>"
        html += "<p class=\"muted\">\(w.t("\(total) mục; hiển thị \(entries.count) mục mới nhất", "\(total) entries; showing the latest \(entries.count)"))</p>"
        html += "<div class=\"scroll\"><table><thead><tr><th>#</th><th>\(w.t("Thời điểm", "At"))</th><th>\(w.t("Người", "Who"))</th><th>\(w.t("Hành động", "Action"))</th><th>\(w.period)</th><th>\(w.unit)</th><th>\(w.t("Biến", "Variable"))</th><th>\(w.t("Cũ", "Old"))</th><th>\(w.t("Mới", "New"))</th><th>\(w.t("Chi tiết", "Detail"))</th></tr></thead><tbody>"
        for e in entries {
            html += "<tr><td>\(e.id)</td><td>\(esc(e.at))</td><td>\(esc(e.who))</td><td>\(esc(e.action))</td><td>\(esc(e.period ?? ""))</td><td>\(esc(e.unit ?? ""))</td><td>\(esc(e.variable ?? ""))</td><td>\(esc(e.oldValue ?? ""))</td><td>\(esc(e.newValue ?? ""))</td><td>\(esc(e.detail ?? ""))</td></tr>"
        }
        html += "</tbody></table></div>"
        return Page(title: w.auditLog, body: html, context: context, path: request.uri.description).response()
    }

    private func usersPage(_ context: WebContext, message: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let w = Words(context.language)
        var html = message.map { "<p class=\"notice\">\(esc($0))</p>" } ?? ""
        html += "<table><thead><tr><th>\(w.t("Tên", "Name"))</th><th>\(w.t("Vai trò", "Role"))</th><th>\(w.unit)</th><th>\(w.t("Hoạt động", "Active"))</th><th>\(w.t("Đổi", "Change"))</th></tr></thead><tbody>"
        func roles(_ selected: WebUser.Role?) -> String {
            WebUser.Role.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == selected ? " selected" : "")>\(esc(w.role($0)))</option>" }.joined()
        }
        for u in try database.users() {
            html += "<tr><td>\(esc(u.name))</td><td>\(esc(w.role(u.role)))</td><td>\(esc(u.unit?.rawValue ?? ""))</td><td>\(u.active ? "✓" : "—")</td><td>"
            html += "<form method=\"post\" action=\"/admin/users/\(u.id)\" class=\"filters\">\(csrfField(context))<select name=\"role\">\(roles(u.role))</select><input type=\"text\" name=\"unit\" value=\"\(esc(u.unit?.rawValue ?? ""))\" placeholder=\"\(w.unit)\" style=\"max-width:8em\"><label><input type=\"checkbox\" name=\"active\" value=\"1\"\(u.active ? " checked" : "")> \(w.t("hoạt động", "active"))</label><input type=\"password\" name=\"password\" placeholder=\"\(w.t("mật khẩu mới", "new password"))\" style=\"max-width:10em\" autocomplete=\"new-password\"><button type=\"submit\">\(w.save)</button></form></td></tr>"
        }
        html += "</tbody></table><h2>\(w.t("Thêm người dùng", "Add a user"))</h2>"
        html += "<form method=\"post\" action=\"/admin/users\" class=\"filters\">\(csrfField(context))<label>\(w.t("Tên", "Name"))<br><input type=\"text\" name=\"name\" required></label><label>\(w.t("Vai trò", "Role"))<br><select name=\"role\">\(roles(nil))</select></label><label>\(w.unit)<br><input type=\"text\" name=\"unit\" style=\"max-width:8em\"></label><label>\(w.t("Mật khẩu", "Password"))<br><input type=\"password\" name=\"password\" required autocomplete=\"new-password\"></label><button type=\"submit\">\(w.t("Thêm", "Add"))</button></form>"
        return Page(title: w.users, body: html, context: context, path: "/admin/users", status: status).response()
    }

    /// A password's problems (empty when acceptable): at least 8 characters.
    static func passwordProblems(_ password: String, _ w: Words) -> [String] {
        password.count < 8 ? [w.t("mật khẩu cần ít nhất 8 ký tự", "the password needs at least 8 characters")] : []
    }

    private func addUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let body = try await form(request, context)
        let admin = try user(context)
        let w = Words(context.language)
        let name = (body.fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = body.fields["password"] ?? ""
        guard let role = WebUser.Role(rawValue: body.fields["role"] ?? "") else {
            throw WebError(
                .unprocessableContent, vi: "Vai trò phải là admin, leader hoặc agency.",
                en: "The role must be admin, leader or agency.")
        }
        let unitText = (body.fields["unit"] ?? "").trimmingCharacters(in: .whitespaces)
        let problems = Self.passwordProblems(password, w)
        if !problems.isEmpty { return try usersPage(context, message: problems.joined(separator: "; "), status: .unprocessableContent) }
        try database.addUser(
            name: name, role: role, unit: unitText.isEmpty ? nil : UnitCode(unitText),
            passwordHash: Bcrypt.hash(password, cost: configuration.bcryptCost), who: admin.name)
        return try usersPage(context, message: w.t("Đã thêm '\(name)'.", "Added '\(name)'."))
    }

    private func changeUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let body = try await form(request, context)
        let admin = try user(context)
        let w = Words(context.language)
        guard let id = Int(context.parameters.get("id") ?? ""), let role = WebUser.Role(rawValue: body.fields["role"] ?? "") else {
            throw WebError(
                .badRequest, vi: "Thiếu mã người dùng hoặc vai trò.", en: "The user id or the role is missing.")
        }
        let unitText = (body.fields["unit"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = body.fields["password"] ?? ""
        if !password.isEmpty {
            let problems = Self.passwordProblems(password, w)
            if !problems.isEmpty { return try usersPage(context, message: problems.joined(separator: "; "), status: .unprocessableContent) }
        }
        let user = try database.updateUser(
            id: id, role: role, unit: .some(unitText.isEmpty ? nil : UnitCode(unitText)), active: body.fields["active"] == "1",
            passwordHash: password.isEmpty ? nil : Bcrypt.hash(password, cost: configuration.bcryptCost), who: admin.name)
        return try usersPage(context, message: w.t("Đã lưu '\(user.name)'.", "Saved '\(user.name)'."))
    }
}
