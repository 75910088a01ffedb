import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import ICTIndexWebForms
import NIOCore
import OrderedCollections

/// What a self-assessment form shows and checks for one unit and period.
struct FormSpec {
    var unit: ICTIndexCore.Unit
    var period: String
    var framework: Framework
    /// The reported variables that apply to the unit's group, in framework order.
    var variables: [Variable]
}

/// One value as typed in the form, with its evidence and problems.
struct FormEntry {
    var text = ""
    var evidence = Evidence()
    var errors: [String] = []
}

extension WebApp {
    /// The pages of every signed-in user: `/self`, `/submissions/{period}/{unit}` (form, save, submit),
    /// `/files/{sha256}` and `/units/{code}`; an agency reaches its own unit only.
    func addSignedInRoutes(to group: RouterGroup<WebContext>) {
        group.get("/self") { request, context in
            let user = try self.user(context)
            guard user.role == .agency, let unit = user.unit else { throw WebError.role(user.role) }
            let asked = request.query("period")
            guard let period = try (asked?.isEmpty == false ? asked : nil) ?? self.database.periods().last else {
                throw WebError(.notFound, vi: "Chưa có kỳ đánh giá nào.", en: "There is no period yet.")
            }
            return Self.redirect("/submissions/\(urlEncode(period))/\(urlEncode(unit.rawValue))")
        }
        group.get("/submissions/:period/:unit") { request, context in
            let (spec, _) = try self.formSpec(context, write: false)
            // After a save (post/redirect/get): what was saved, from the query.
            let w = context.language
            var message: String?
            if let saved = request.query("saved") {
                let counts = saved.split(separator: "-").compactMap { Int($0) }
                if counts.count == 3 {
                    message = w.say(
                        vi: "Đã lưu: \(counts[0]) giá trị mới, \(counts[1]) thay đổi, \(counts[2]) bị xóa.",
                        en: "Saved: \(counts[0]) new values, \(counts[1]) changed, \(counts[2]) removed.")
                }
            } else if request.query("submitted") == "1" {
                message = w.say(vi: "Đã nộp để thẩm định.", en: "Submitted for appraisal.")
            }
            return try await self.formPage(spec, context, entries: nil, message: message)
        }
        group.post("/submissions/:period/:unit") { request, context in
            try await self.save(request, context, submit: false)
        }
        group.post("/submissions/:period/:unit/submit") { request, context in
            try await self.save(request, context, submit: true)
        }
        group.get("/files/:sha256") { _, context in
            try self.download(context)
        }
        group.get("/units/:code") { request, context in
            try self.unitPage(request, context)
        }
    }

    /// The unit and period of the URL, checked against the user: an agency reaches its own unit only; for
    /// writing, only agencies (admins appraise instead, leaders read). The period must exist.
    func formSpec(_ context: WebContext, write: Bool) throws -> (FormSpec, WebUser) {
        let user = try self.user(context)
        if write && user.role != .agency { throw WebError.role(user.role) }
        let period = try parameter(context, "period")
        let code = UnitCode(try parameter(context, "unit"))
        if user.role == .agency && user.unit != code {
            let own = user.unit?.rawValue ?? ""
            throw WebError(
                .forbidden,
                vi: "Tài khoản của đơn vị \(own) không được xem hay sửa số liệu của đơn vị '\(code)'.",
                en: "An account of unit \(own) may not read or change the data of unit '\(code)'.")
        }
        guard try database.periods().contains(period), let unit = try database.unit(code, inPeriod: period) else {
            throw WebError(
                .notFound, vi: "Đơn vị '\(code)' không tồn tại trong kỳ \(period).",
                en: "Unit '\(code)' does not exist in period \(period).")
        }
        let framework = try self.framework(forPeriod: period).0.framework
        return (
            FormSpec(
                unit: unit, period: period, framework: framework, variables: Self.variables(of: framework, for: unit.group)),
            user
        )
    }

    /// The reported variables an agency of a group fills: those read by the indicators that apply to the group
    /// and by the deductions, through derived variables' formulas.
    static func variables(of framework: Framework, for group: GroupID) -> [Variable] {
        var needed = Set<VariableID>()
        var pending: [VariableID] = []
        for node in framework.indicators where framework.nodeApplies(node.id, to: group) {
            pending += node.indicator?.value.variables ?? []
        }
        for deduction in framework.deductions { pending += deduction.points.variables }
        while let id = pending.popLast() {
            guard needed.insert(id).inserted, let formula = framework.variables[id]?.formula else { continue }
            pending += formula.variables
        }
        return framework.reportedVariables.filter { needed.contains($0.id) }
    }

    /// A stored value as typed in the form (booleans as có/không).
    static func formText(_ value: Value, _ variable: Variable) -> String {
        if variable.kind == .boolean, let x = value.number { return x != 0 ? "có" : "không" }
        return value.description
    }

    private func save(_ request: Request, _ context: WebContext, submit: Bool) async throws -> Response {
        // The URL (role, unit, period) is checked before the body is read.
        let (spec, user) = try formSpec(context, write: true)
        let body = try await form(request, context, maxBytes: configuration.maxUploadBytes + 1024 * 1024)
        let w = context.language
        let parser = CellParser()
        let dateField = Variable(id: "date", name: "date", kind: .date)
        var entries: [VariableID: FormEntry] = [:]
        var values: [VariableID: Dataset.Entry] = [:]
        var uploads: [EvidenceFile] = []
        let known = Set(spec.variables.map(\.id.rawValue))
        for name in body.fields.pairs.map(\.name) + body.files.map(\.field) {
            let parts = name.split(separator: ".")
            if parts.count >= 2, ["v", "e", "f"].contains(parts[0]), !known.contains(String(parts[1])) {
                throw WebError(
                    .unprocessableContent, vi: "Biến '\(parts[1])' không thuộc biểu mẫu của đơn vị này.",
                    en: "Variable '\(parts[1])' is not in this unit's form.")
            }
        }
        for v in spec.variables {
            let id = v.id.rawValue
            var entry = FormEntry(text: body.fields["v.\(id)"] ?? "")
            var date = body.fields["e.\(id).date"]
            if let d = date, !d.isEmpty {
                do { date = try parser.value(of: d, for: dateField)?.description } catch {
                    entry.errors.append(w.say(vi: "ngày của tài liệu: ", en: "evidence date: ") + Self.describe(error, w))
                }
            }
            var file = body.fields["e.\(id).file"]
            if let reference = file, !reference.isEmpty {
                let sha = String(reference.prefix { $0 != " " })
                if try !database.hasEvidenceFile(sha256: sha, unit: spec.unit.code) {
                    entry.errors.append(w.say(vi: "tệp đính kèm không thuộc đơn vị này", en: "the attached file is not this unit's"))
                    file = nil
                }
            }
            if let upload = body.files.first(where: { $0.field == "f.\(id)" }) {
                switch checkUpload(upload, unit: spec.unit.code, w) {
                case .success(let stored):
                    uploads.append(stored)
                    file = "\(stored.sha256) \(stored.name)"
                case .failure(let refusal): entry.errors.append(refusal.message(context.language))
                }
            }
            entry.evidence = Evidence(
                number: body.fields["e.\(id).number"], title: body.fields["e.\(id).title"], date: date,
                summary: body.fields["e.\(id).summary"], link: body.fields["e.\(id).link"], file: file)
            do {
                if let value = try parser.value(of: entry.text, for: v) {
                    values[v.id] = Dataset.Entry(value: value, source: .selfAssessed, evidence: entry.evidence.text)
                }
            } catch {
                entry.errors.append(Self.describe(error, w))
            }
            // The criteria's evidence_policy: `refuse` keeps a required value without evidence from being submitted;
            // under `zero` and `warn` it is submitted, and the run scores it as the policy says.
            if submit && v.evidence == .required && spec.framework.evidencePolicy == .refuse && values[v.id] != nil
                && entry.evidence.isEmpty
            {
                entry.errors.append(w.say(vi: "cần tài liệu kiểm chứng trước khi nộp", en: "evidence is needed before submitting"))
            }
            entries[v.id] = entry
        }
        if entries.values.contains(where: { !$0.errors.isEmpty }) {
            return try await formPage(spec, context, entries: entries, message: nil, status: .unprocessableContent)
        }
        // Fields sent empty are values the agency removed; fields not sent at all (a partial form) are kept.
        let emptied = spec.variables.map(\.id).filter { values[$0] == nil && body.fields["v.\($0.rawValue)"] != nil }
        // Files, values, emptied fields and status in one transaction, which also checks that the self-assessment
        // is still a draft: a save happens whole or not at all, whatever else saves at the same time.
        // The unit's quota of evidence files (files it already has are not counted twice).
        var added = 0
        for file in uploads where try !database.hasEvidenceFile(sha256: file.sha256, unit: spec.unit.code) {
            added += file.size
        }
        if added > 0 {
            let stored = try database.evidenceBytes(unit: spec.unit.code)
            if stored + added > configuration.evidenceQuotaBytes {
                let quota = NumberFormatting.plain(Double(configuration.evidenceQuotaBytes) / 1024 / 1024)
                throw WebError(
                    .contentTooLarge,
                    vi: "Đơn vị đã lưu \(stored) byte tài liệu kiểm chứng; thêm \(added) byte sẽ vượt hạn mức \(quota) MB. Hãy bỏ bớt tệp không dùng rồi lưu lại.",
                    en: "The unit has \(stored) bytes of evidence files; \(added) more would pass its quota of \(quota) MB. Remove files no longer used, then save again.")
            }
        }
        let revision = body.fields["revision"]
        let summary: ImportSummary
        do throws(any Error) {
            summary = try database.saveSelfAssessment(
                values, of: spec.unit, period: spec.period, emptied: emptied, files: uploads, submit: submit,
                revision: revision, who: user.name)
        } catch let failure as StorageError where failure.code == .conflict {
            let state = try database.submissionStatus(period: spec.period, unit: spec.unit.code)
            if state == nil || state == .draft {
                throw WebError(
                    .conflict,
                    vi: "Biểu mẫu đã được lưu bởi người khác sau khi bạn mở nó; hãy tải lại trang, xem số liệu mới rồi sửa lại.",
                    en: "Someone saved this form after you opened it; reload the page, check the new values, then change them again.")
            }
            throw WebError(
                .conflict, vi: "Hồ sơ đã nộp (\(w.status(state))) nên không sửa được nữa.",
                en: "The self-assessment is already \(w.status(state)), so it can no longer be changed.")
        }
        let page = "/submissions/\(urlEncode(spec.period))/\(urlEncode(spec.unit.code.rawValue))"
        return Self.redirect(
            page + (submit ? "?submitted=1" : "?saved=\(summary.added)-\(summary.changed)-\(summary.removed)"))
    }

    /// An import problem in the page's language: the Core message and hint (the same as the importers'), with
    /// its code: "'abc' không phải là số (hãy viết một con số, …) [D003]".
    static func describe(_ error: any Error, _ language: Language) -> String {
        guard let problem = error as? CellProblem else { return "\(error)" }
        let hint = problem.hint.map { " (\($0.text(language)))" } ?? ""
        return "\(problem.message.text(language))\(hint) [\(problem.code)]"
    }

    /// Checks an uploaded file: size, and type by its first bytes (PDF, PNG, JPEG); the name is kept for
    /// display only (no folder part, no control characters, at most 100 characters).
    func checkUpload(_ upload: UploadedFile, unit: UnitCode, _ w: Language) -> Result<EvidenceFile, WebError> {
        if upload.bytes.count > configuration.maxUploadBytes {
            return .failure(WebError(
                .contentTooLarge,
                vi: "tệp '\(upload.filename)' lớn \(upload.bytes.count) byte, vượt giới hạn \(configuration.maxUploadBytes) byte",
                en: "file '\(upload.filename)' has \(upload.bytes.count) bytes, over the limit of \(configuration.maxUploadBytes)"))
        }
        guard let type = Self.mediaType(upload.bytes) else {
            return .failure(WebError(
                .unsupportedMediaType, vi: "tệp '\(upload.filename)' không phải PDF, PNG hay JPEG (kiểm tra theo nội dung tệp)",
                en: "file '\(upload.filename)' is not a PDF, PNG or JPEG (checked by its content)"))
        }
        var name = String(upload.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        name = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init).prefix(100))
        if name.isEmpty { name = "file" }
        return .success(EvidenceFile(
            sha256: SHA256.hexDigest(of: upload.bytes), name: name, contentType: type, size: upload.bytes.count, unit: unit,
            bytes: upload.bytes))
    }

    /// The media type of a file from its magic bytes, or nil when it is none of the accepted ones.
    static func mediaType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    private func download(_ context: WebContext) throws -> Response {
        let user = try self.user(context)
        let sha = try parameter(context, "sha256")
        // An agency reads its own unit's copy only; the department reads any copy (the bytes are the same).
        let file = try database.evidenceFile(sha256: sha, unit: user.role == .agency ? user.unit : nil)
        guard let file, user.role != .agency || file.unit == user.unit else {
            throw WebError(.notFound, vi: "Không có tệp này.", en: "There is no such file.")
        }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.contentDisposition] = "attachment; filename=\"evidence-\(file.sha256.prefix(12))\(file.contentType == "application/pdf" ? ".pdf" : file.contentType == "image/png" ? ".png" : ".jpg")\""
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        // Evidence stays out of shared and browser caches.
        headers[.cacheControl] = "no-store, private"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
