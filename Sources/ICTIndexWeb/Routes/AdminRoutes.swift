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
        group.get("/submissions") { request, context in try self.submissionsPage(request, context) }
        group.get("/appraise/:period/:unit") { request, context in
            let (spec, _) = try self.formSpec(context, write: false)
            return try self.appraisalPage(spec, context, errors: [:], message: nil, only: request.query("only"))
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

    private func appraise(_ request: Request, _ context: WebContext) async throws -> Response {
        let (spec, user) = try formSpec(context, write: false)
        let body = try await form(request, context)
        let w = context.language
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
                    errors[v.id, default: []].append(w.say(vi: "không có giá trị tự đánh giá để chấp nhận", en: "there is no self-assessed value to accept"))
                }
            case "adjust":
                do {
                    if let value = try parser.value(of: body.fields["n.\(id)"] ?? "", for: v) {
                        if reason.isEmpty {
                            errors[v.id, default: []].append(w.say(vi: "điều chỉnh cần có lý do", en: "an adjustment needs a reason"))
                        } else {
                            decisions.append(AppraisalInput(unit: spec.unit.code, variable: v.id, decision: .adjust(value), reason: reason))
                        }
                    } else {
                        errors[v.id, default: []].append(w.say(vi: "chưa nhập giá trị điều chỉnh", en: "no adjusted value given"))
                    }
                } catch {
                    errors[v.id, default: []].append(Self.describe(error, w))
                }
            case "":
                if acceptRest && hasOwn.contains(v.id) {
                    decisions.append(AppraisalInput(unit: spec.unit.code, variable: v.id, decision: .accept))
                }
            case let other:
                errors[v.id, default: []].append("'\(other)': " + w.say(vi: "quyết định không hợp lệ", en: "not a decision"))
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
            message: w.say(vi: "Đã ghi: \(summary.added) mới, \(summary.changed) thay đổi, \(summary.unchanged) không đổi.",
                         en: "Recorded: \(summary.added) new, \(summary.changed) changed, \(summary.unchanged) unchanged."))
    }

    /// A password's problems (empty when acceptable): at least 8 characters.
    static func passwordProblems(_ password: String, _ w: Language) -> [String] {
        password.count < 8 ? [w.say(vi: "mật khẩu cần ít nhất 8 ký tự", en: "the password needs at least 8 characters")] : []
    }

    private func addUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let body = try await form(request, context)
        let admin = try user(context)
        let w = context.language
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
        return try usersPage(context, message: w.say(vi: "Đã thêm '\(name)'.", en: "Added '\(name)'."))
    }

    private func changeUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let body = try await form(request, context)
        let admin = try user(context)
        let w = context.language
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
        return try usersPage(context, message: w.say(vi: "Đã lưu '\(user.name)'.", en: "Saved '\(user.name)'."))
    }
}
