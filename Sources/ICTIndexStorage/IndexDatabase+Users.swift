import Foundation
import GRDB
public import ICTIndexCore

extension IndexDatabase {
    /// The tables of migration `v4-web`: accounts, sessions, submission status per unit and period, and
    /// uploaded evidence files.
    static func createWebTables(_ db: Database) throws {
        try db.create(table: "webUser") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("passwordHash", .text).notNull()
            t.column("role", .text).notNull().check(sql: anyOf("role", WebUser.Role.allCases.map(\.rawValue)))
            t.column("unit", .text)
            t.column("active", .boolean).notNull().defaults(to: true)
            t.column("createdAt", .text).notNull()
            t.check(sql: "(role = 'agency') = (unit IS NOT NULL)")
        }
        // The token's SHA-256 only: a copy of the database does not let anyone sign in.
        try db.create(table: "webSession", options: [.withoutRowID]) { t in
            t.primaryKey("tokenHash", .text)
            t.column("user", .integer).notNull().references("webUser", onDelete: .cascade)
            t.column("csrfToken", .text).notNull()
            t.column("createdAt", .text).notNull()
            t.column("expiresAt", .text).notNull()
        }
        try db.create(index: "webSession_user", on: "webSession", columns: ["user"])
        try db.create(table: "submissionStatus", options: [.withoutRowID]) { t in
            t.column("period", .text).notNull().references("period")
            t.column("unit", .text).notNull()
            t.column("status", .text).notNull().check(sql: anyOf("status", SubmissionStatus.allCases.map(\.rawValue)))
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
            t.primaryKey(["period", "unit"])
        }
        try db.create(table: "evidenceFile", options: [.withoutRowID]) { t in
            t.primaryKey("sha256", .text)
            t.column("name", .text).notNull()
            t.column("contentType", .text).notNull()
            t.column("size", .integer).notNull()
            t.column("unit", .text)
            t.column("bytes", .blob).notNull()
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
        }
    }

    /// Migration `v5-web-hardening`: evidence files are keyed by unit and SHA-256, so two units that upload the
    /// same bytes each own their copy (a file of no unit is kept under the empty unit).
    static func hardenWebTables(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE evidenceFile RENAME TO evidenceFile_v4")
        try db.create(table: "evidenceFile", options: [.withoutRowID]) { t in
            t.column("unit", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("name", .text).notNull()
            t.column("contentType", .text).notNull()
            t.column("size", .integer).notNull()
            t.column("bytes", .blob).notNull()
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
            t.primaryKey(["unit", "sha256"])
        }
        try db.execute(
            sql: """
                INSERT INTO evidenceFile (unit, sha256, name, contentType, size, bytes, who, at)
                SELECT IFNULL(unit, ''), sha256, name, contentType, size, bytes, who, at FROM evidenceFile_v4;
                DROP TABLE evidenceFile_v4;
                """)
    }

    // MARK: - Reads

    /// Every user, by name.
    public func users() throws(StorageError) -> [WebUser] {
        try read(Words(vi: "đọc danh sách người dùng", en: "reading users")) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webUser ORDER BY name").map(Self.user)
        }
    }

    /// The user with this sign-in name, if any.
    public func user(named name: String) throws(StorageError) -> WebUser? {
        try read(Words(vi: "đọc người dùng '\(name)'", en: "reading user '\(name)'")) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE name = ?", arguments: [name]).map(Self.user)
        }
    }

    /// The user with this id, if any.
    public func user(id: Int) throws(StorageError) -> WebUser? {
        try read(Words(vi: "đọc người dùng \(id)", en: "reading user \(id)")) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE id = ?", arguments: [id]).map(Self.user)
        }
    }

    /// The session of a token's hash, with its user, when it has not expired at `now` and its user is active.
    public func session(tokenHash: String, now: String) throws(StorageError) -> WebSession? {
        try read(Words(vi: "đọc phiên đăng nhập", en: "reading a session")) { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.tokenHash, s.csrfToken, s.expiresAt, u.* FROM webSession s JOIN webUser u ON u.id = s.user
                        WHERE s.tokenHash = ? AND s.expiresAt > ? AND u.active
                        """, arguments: [tokenHash, now])
            else { return nil }
            return WebSession(
                tokenHash: row["tokenHash"], user: Self.user(row), csrfToken: row["csrfToken"],
                expiresAt: row["expiresAt"])
        }
    }

    /// Where every unit's self-assessment of a period stands (units that have not started are absent).
    public func submissionStatuses(forPeriod period: String) throws(StorageError) -> [UnitCode: SubmissionStatus] {
        try read(
            Words(
                vi: "đọc trạng thái nộp phiếu của kỳ \(period)", en: "reading the submission status of period \(period)"
            )
        ) { db in
            var statuses: [UnitCode: SubmissionStatus] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT unit, status FROM submissionStatus WHERE period = ?", arguments: [period])
            {
                if let status = SubmissionStatus(rawValue: row["status"]) {
                    statuses[UnitCode(row["unit"] as String)] = status
                }
            }
            return statuses
        }
    }

    /// An uploaded evidence file of a unit, if stored; with no unit, the first stored under that SHA-256 (the
    /// bytes are the same whichever unit uploaded them).
    public func evidenceFile(sha256: String, unit: UnitCode? = nil) throws(StorageError) -> EvidenceFile? {
        try read(Words(vi: "đọc tệp minh chứng", en: "reading an evidence file")) { db in
            let row: Row?
            if let unit {
                row = try Row.fetchOne(
                    db, sql: "SELECT * FROM evidenceFile WHERE unit = ? AND sha256 = ?",
                    arguments: [unit.rawValue, sha256])
            } else {
                row = try Row.fetchOne(
                    db, sql: "SELECT * FROM evidenceFile WHERE sha256 = ? LIMIT 1", arguments: [sha256])
            }
            guard let row else { return nil }
            let data: Data = row["bytes"]
            let stored: String = row["unit"]
            return EvidenceFile(
                sha256: row["sha256"], name: row["name"], contentType: row["contentType"], size: row["size"],
                unit: stored.isEmpty ? nil : UnitCode(stored), bytes: Array(data))
        }
    }

    /// Whether a unit has stored an evidence file with this SHA-256 (without reading its bytes).
    public func hasEvidenceFile(sha256: String, unit: UnitCode) throws(StorageError) -> Bool {
        try read(Words(vi: "đọc tệp minh chứng", en: "reading an evidence file")) { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM evidenceFile WHERE unit = ? AND sha256 = ?", arguments: [unit.rawValue, sha256])
                == true
        }
    }

    /// How many bytes of evidence files a unit has stored.
    public func evidenceBytes(unit: UnitCode) throws(StorageError) -> Int {
        try read(
            Words(vi: "đọc các tệp minh chứng của đơn vị '\(unit)'", en: "reading the evidence files of unit '\(unit)'")
        ) { db in
            try Int.fetchOne(
                db, sql: "SELECT IFNULL(SUM(size), 0) FROM evidenceFile WHERE unit = ?", arguments: [unit.rawValue])
                ?? 0
        }
    }

    /// A fingerprint of a unit's self-assessment of a period: it changes whenever a value is added, changed or
    /// removed, or the status changes. A form carries the fingerprint it was shown with, so saving an older copy
    /// of the form is refused instead of silently undoing a newer save.
    public func selfAssessmentRevision(period: String, unit: UnitCode) throws(StorageError) -> String {
        try read(
            Words(
                vi: "đọc phiếu tự đánh giá của đơn vị '\(unit)' kỳ \(period)",
                en: "reading the self-assessment of unit '\(unit)' in period \(period)")
        ) { db in
            try Self.selfAssessmentRevision(db, period: period, unit: unit)
        }
    }

    static func selfAssessmentRevision(_ db: Database, period: String, unit: UnitCode) throws -> String {
        // Every save writes its values in a new batch: the count, the largest and the sum of the batch numbers
        // change with every added, changed or removed value.
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS n, IFNULL(MAX(s.batch), 0) AS high, IFNULL(SUM(s.batch), 0) AS total
                FROM submission s JOIN period p ON p.key = s.period JOIN unitKey u ON u.id = s.unit
                WHERE p.id = ? AND u.code = ? AND s.source = ?
                """, arguments: [period, unit.rawValue, SubmissionCodes.code(of: .selfAssessed)])
        let status = try submissionStatus(db, period: period, unit: unit)?.rawValue ?? "none"
        let n: Int = row?["n"] ?? 0
        let high: Int = row?["high"] ?? 0
        let total: Int = row?["total"] ?? 0
        return "\(n)-\(high)-\(total)-\(status)"
    }

    static func user(_ row: Row) -> WebUser {
        WebUser(
            id: row["id"], name: row["name"], role: WebUser.Role(rawValue: row["role"]) ?? .leader,
            unit: (row["unit"] as String?).map(UnitCode.init), passwordHash: row["passwordHash"], active: row["active"],
            createdAt: row["createdAt"])
    }

    // MARK: - Writes

    /// Creates a user.
    ///
    /// - Parameters:
    ///   - passwordHash: the bcrypt hash (the storage never sees the password).
    ///   - unit: the agency's unit; required for `agency` and refused for the other roles.
    ///   - who: who created it, for the audit log.
    /// - Throws: ``StorageError`` `conflict` when the name is taken, the unit is missing or given for a role that
    ///   has none, or the unit does not exist.
    @discardableResult
    public func addUser(
        name: String, role: WebUser.Role, unit: UnitCode?, passwordHash: String, who: String
    ) throws(StorageError) -> WebUser {
        let at = clock()
        let operation = Words(vi: "thêm người dùng '\(name)'", en: "adding user '\(name)'")
        return try write(operation) { db in
            if let problem = WebUser.nameProblem(name) {
                throw StorageError(
                    .conflict, operation: operation, subject: self.name,
                    Words(
                        vi: "tên '\(WebUser.printable(name))' \(problem.vi)",
                        en: "'\(WebUser.printable(name))' \(problem.en)"),
                    hint: Words(
                        vi: "hãy dùng từ 1 đến 64 ký tự gồm chữ a-z, chữ số và . _ - @ (không dấu, không khoảng trắng)",
                        en: "use 1 to 64 of the letters a-z, digits and . _ - @ (no accents, spaces or other scripts)"))
            }
            try checkUserFields(db, name: name, role: role, unit: unit, operation: operation)
            // Names differing only in case are one name (sign-in limits already compare them so).
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM webUser WHERE lower(name) = lower(?)", arguments: [name])
                == true
            {
                throw StorageError(
                    .conflict, operation: operation, subject: self.name,
                    Words(vi: "đã có người dùng tên '\(name)'", en: "a user named '\(name)' already exists"),
                    hint: Words(
                        vi: "hãy chọn tên khác, hoặc sửa người dùng đó ở trang người dùng của ứng dụng web",
                        en: "choose another name, or change that user in the web application's user page"))
            }
            try db.execute(
                sql:
                    "INSERT INTO webUser (name, passwordHash, role, unit, active, createdAt) VALUES (?, ?, ?, ?, 1, ?)",
                arguments: [name, passwordHash, role.rawValue, unit?.rawValue, at])
            let id = Int(db.lastInsertedRowID)
            try Self.appendAudit(
                Self.auditStatement(db), at: at, who: who, action: "user.add", unit: unit?.rawValue,
                newValue: "\(name) (\(role.rawValue))")
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE id = ?", arguments: [id]) else {
                throw StorageError(
                    .sqlite, operation: operation, subject: self.name, .verbatim("the new user was not found"))
            }
            return Self.user(row)
        }
    }

    /// Changes a user's role, unit, active flag or password hash (nil: unchanged); a change of role, unit,
    /// activity or password ends the user's sessions.
    ///
    /// - Throws: ``StorageError`` `notFound`; `conflict` as ``addUser(name:role:unit:passwordHash:who:)``.
    @discardableResult
    public func updateUser(
        id: Int, role: WebUser.Role? = nil, unit: UnitCode?? = nil, active: Bool? = nil, passwordHash: String? = nil,
        who: String
    ) throws(StorageError) -> WebUser {
        let at = clock()
        let operation = Words(vi: "sửa người dùng \(id)", en: "changing user \(id)")
        return try write(operation) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE id = ?", arguments: [id]) else {
                throw StorageError(
                    .notFound, operation: operation, subject: name,
                    Words(vi: "không có người dùng \(id)", en: "there is no user \(id)"))
            }
            let old = Self.user(row)
            var new = old
            if let role { new.role = role }
            if let unit { new.unit = unit }
            if new.role != .agency { new.unit = nil }
            if let active { new.active = active }
            if let passwordHash { new.passwordHash = passwordHash }
            try checkUserFields(db, name: new.name, role: new.role, unit: new.unit, operation: operation)
            if old.role == .admin && old.active && (new.role != .admin || !new.active) {
                let others =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM webUser WHERE role = 'admin' AND active AND id <> ?",
                        arguments: [id]) ?? 0
                if others == 0 {
                    throw StorageError(
                        .conflict, operation: operation, subject: name,
                        Words(
                            vi:
                                "'\(old.name)' là quản trị viên duy nhất đang hoạt động; thiếu người này sẽ không ai quản "
                                + "lý được người dùng và các lần chấm",
                            en: "'\(old.name)' is the only active admin; without it nobody could manage users or runs"),
                        hint: Words(
                            vi: "hãy cho một người dùng khác làm quản trị viên trước",
                            en: "make another user an admin first"))
                }
            }
            try db.execute(
                sql: "UPDATE webUser SET role = ?, unit = ?, active = ?, passwordHash = ? WHERE id = ?",
                arguments: [new.role.rawValue, new.unit?.rawValue, new.active, new.passwordHash, id])
            func describe(_ u: WebUser) -> String {
                "\(u.role.rawValue)\(u.unit.map { " \($0)" } ?? "")\(u.active ? "" : ", disabled")"
            }
            try Self.appendAudit(
                Self.auditStatement(db), at: at, who: who, action: "user.change", unit: new.unit?.rawValue,
                oldValue: describe(old), newValue: describe(new),
                detail: new.name + (passwordHash != nil ? ": password changed" : ""))
            if new != old { try db.execute(sql: "DELETE FROM webSession WHERE user = ?", arguments: [id]) }
            return new
        }
    }

    private func checkUserFields(
        _ db: Database, name userName: String, role: WebUser.Role, unit: UnitCode?, operation: Words
    ) throws {
        if userName.isEmpty || userName.count > 64 || userName.contains(where: { $0.isWhitespace || $0.isNewline }) {
            throw StorageError(
                .conflict, operation: operation, subject: name,
                Words(
                    vi: "'\(userName)' không phải tên người dùng hợp lệ", en: "'\(userName)' is not a valid user name"),
                hint: Words(
                    vi: "hãy dùng từ 1 đến 64 ký tự, không có khoảng trắng", en: "use 1 to 64 characters without spaces"
                ))
        }
        switch (role, unit) {
        case (.agency, nil):
            throw StorageError(
                .conflict, operation: operation, subject: name,
                Words(vi: "người dùng của đơn vị cần có mã đơn vị", en: "an agency user needs a unit"),
                hint: Words(vi: "hãy ghi mã đơn vị (--unit MÃ)", en: "give the unit's code (--unit CODE)"))
        case (.agency, let unit?):
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE code = ?", arguments: [unit.rawValue]) != true {
                throw StorageError(
                    .conflict, operation: operation, subject: name,
                    Words(vi: "không có đơn vị '\(unit)'", en: "there is no unit '\(unit)'"),
                    hint: Words(
                        vi: "hãy nhập danh sách đơn vị trước (ictindex units import TỆP), hoặc kiểm tra lại mã",
                        en: "import the units first (ictindex units import FILE), or check the code"))
            }
        case (_, let unit?):
            throw StorageError(
                .conflict, operation: operation, subject: name,
                Words(
                    vi: "người dùng vai trò \(role.rawValue) không gắn với đơn vị, nhưng lại có đơn vị '\(unit)'",
                    en: "a \(role.rawValue) user has no unit, but unit '\(unit)' was given"),
                hint: Words(vi: "hãy bỏ --unit, hoặc dùng --role agency", en: "leave out --unit, or use --role agency"))
        default: break
        }
    }

    /// Records a new session (the caller made the random token and keeps it; only its hash is stored), and
    /// logs the sign-in. Expired sessions of every user are removed on the way.
    public func createSession(
        tokenHash: String, user: WebUser, csrfToken: String, expiresAt: String, from address: String
    ) throws(StorageError) {
        let at = clock()
        try write(Words(vi: "đăng nhập '\(user.name)'", en: "signing in '\(user.name)'")) { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [at])
            try db.execute(
                sql: "INSERT INTO webSession (tokenHash, user, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, user.id, csrfToken, at, expiresAt])
            try Self.appendAudit(
                Self.auditStatement(db), at: at, who: user.name, action: "session.login", unit: user.unit?.rawValue,
                detail: "from \(address)")
        }
    }

    /// Ends a session, and logs the sign-out.
    public func deleteSession(tokenHash: String, who: String) throws(StorageError) {
        let at = clock()
        try write(Words(vi: "đăng xuất '\(who)'", en: "signing out '\(who)'")) { db in
            try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash])
            if db.changesCount > 0 {
                try Self.appendAudit(Self.auditStatement(db), at: at, who: who, action: "session.logout")
            }
        }
    }

    /// Logs a refused sign-in (wrong password, unknown name, or too many attempts).
    public func recordFailedLogin(name userName: String, address: String, reason: String) throws(StorageError) {
        let at = clock()
        try write(Words(vi: "ghi lần đăng nhập bị từ chối", en: "logging a refused sign-in")) { db in
            try Self.appendAudit(
                Self.auditStatement(db), at: at, who: userName, action: "session.refused",
                detail: "\(reason), from \(address)")
        }
    }

    /// Lifts the sign-in locks of a user (the server reads this entry when the name is locked).
    ///
    /// - Throws: ``StorageError`` `notFound` when there is no such user.
    public func recordUnlock(name userName: String, who: String) throws(StorageError) {
        let at = clock()
        let operation = Words(vi: "mở khóa đăng nhập của '\(userName)'", en: "unlocking the sign-in of '\(userName)'")
        try write(operation) { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM webUser WHERE name = ?", arguments: [userName]) == true
            else {
                throw StorageError(
                    .notFound, operation: operation, subject: name,
                    Words(
                        vi: "không có người dùng '\(WebUser.printable(userName))'",
                        en: "there is no user '\(WebUser.printable(userName))'"),
                    hint: Words(
                        vi: "hãy đối chiếu tên với danh sách người dùng ở trang quản trị",
                        en: "check the name against the admin page's list of users"))
            }
            try Self.appendAudit(
                Self.auditStatement(db), at: at, who: who, action: "session.unlock", newValue: userName)
        }
    }

    /// The time of the latest unlock of a name within the last `seconds`, if any.
    public func lastUnlock(of userName: String, withinSeconds seconds: Int) throws(StorageError) -> String? {
        let since = Date().addingTimeInterval(-Double(seconds)).ISO8601Format()
        return try read(Words(vi: "đọc các lần mở khóa đăng nhập", en: "reading sign-in unlocks")) { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT at FROM auditEntry WHERE action = 'session.unlock' AND at >= ? AND lower(newValue) = lower(?)
                    ORDER BY id DESC LIMIT 1
                    """, arguments: [since, userName])
        }
    }

    /// Sets where a unit's self-assessment of a period stands, and logs the change.
    ///
    /// - Parameter expected: when given, the status must currently be one of these (nil: not started), or the
    ///   change is refused with `conflict`; this makes "submit" and "save" atomic with their check.
    /// - Throws: ``StorageError`` `frozen` when the period has a published run; `conflict` as above.
    public func setSubmissionStatus(
        _ status: SubmissionStatus, period: String, unit: UnitCode, expected: Set<SubmissionStatus?>? = nil, who: String
    ) throws(StorageError) {
        let at = clock()
        let operation = Words(
            vi: "đặt trạng thái của đơn vị '\(unit)' kỳ \(period)",
            en: "setting the status of unit '\(unit)' in period \(period)")
        try write(operation) { db in
            try checkNotFrozen(db, period: period, operation: operation)
            try Self.ensurePeriod(db, period, at: at)
            let current = try Self.submissionStatus(db, period: period, unit: unit)
            if let expected { try checkStatus(current, in: expected, period: period, unit: unit, operation: operation) }
            try Self.setStatus(status, from: current, period: period, unit: unit, who: who, at: at, db)
        }
    }

    /// An agency's save (or submission) of its self-assessment form, as one transaction: the uploaded files,
    /// the values, the emptied fields and the new status (draft, or submitted).
    ///
    /// The self-assessment must not have been submitted yet; a published period is frozen. Values already
    /// stored the same way are left alone; changed ones are updated and logged old → new.
    ///
    /// - Parameters:
    ///   - values: the values typed, with their evidence, by variable (validated against the criteria).
    ///   - unit: the agency's unit (it exists in the period).
    ///   - emptied: the variables whose field was sent empty: their stored self-assessed values are removed
    ///     (and logged as `value.remove`). A variable whose field was not sent at all keeps its value.
    ///   - files: uploaded evidence files, checked by the caller (size, type by content, SHA-256).
    ///   - submit: whether the agency submits for appraisal (the form is then read-only for it).
    /// - Returns: how many values were added, changed, unchanged and removed.
    /// - Throws: ``StorageError`` `conflict` when the self-assessment was already submitted or appraised;
    ///   `frozen`; `busy`.
    public func saveSelfAssessment(
        _ values: [VariableID: Dataset.Entry], of unit: ICTIndexCore.Unit, period: String, emptied: [VariableID],
        files: [EvidenceFile], submit: Bool, revision: String? = nil, who: String
    ) throws(StorageError) -> ImportSummary {
        let at = clock()
        let operation = Words(
            vi: "\(submit ? "nộp" : "lưu") phiếu tự đánh giá của đơn vị '\(unit.code)' kỳ \(period)",
            en: "\(submit ? "submitting" : "saving") the self-assessment of unit '\(unit.code)' for period \(period)")
        return try write(operation) { db in
            try checkNotFrozen(db, period: period, operation: operation)
            let current = try Self.submissionStatus(db, period: period, unit: unit.code)
            try checkStatus(current, in: [nil, .draft], period: period, unit: unit.code, operation: operation)
            if let revision, try Self.selfAssessmentRevision(db, period: period, unit: unit.code) != revision {
                throw StorageError(
                    .conflict, operation: operation, subject: name,
                    Words(
                        vi: "phiếu tự đánh giá đã thay đổi sau khi mở biểu mẫu này",
                        en: "the self-assessment changed after this form was opened"),
                    hint: Self.reloadHint)
            }
            for file in files { try Self.storeEvidenceFile(file, period: period, who: who, at: at, db) }
            let dataset = Dataset(period: period, units: [unit], entries: [unit.code: values])
            let summary = try Self.storeValues(
                db, dataset, period: period, source: .selfAssessed, file: submit ? "web form (submit)" : "web form",
                who: who, at: at, clearing: emptied)
            try Self.setStatus(
                submit ? .submitted : .draft, from: current, period: period, unit: unit.code, who: who, at: at, db)
            return summary
        }
    }

    /// Where one unit's self-assessment of a period stands (nil: not started).
    public func submissionStatus(period: String, unit: UnitCode) throws(StorageError) -> SubmissionStatus? {
        try read(
            Words(
                vi: "đọc trạng thái nộp phiếu của đơn vị '\(unit)' kỳ \(period)",
                en: "reading the submission status of unit '\(unit)' in period \(period)")
        ) { db in
            try Self.submissionStatus(db, period: period, unit: unit)
        }
    }

    static func submissionStatus(_ db: Database, period: String, unit: UnitCode) throws -> SubmissionStatus? {
        try String.fetchOne(
            db, sql: "SELECT status FROM submissionStatus WHERE period = ? AND unit = ?",
            arguments: [period, unit.rawValue]
        ).flatMap(SubmissionStatus.init(rawValue:))
    }

    /// Throws `conflict` unless the status is one of `expected`.
    private func checkStatus(
        _ current: SubmissionStatus?, in expected: Set<SubmissionStatus?>, period: String, unit: UnitCode,
        operation: Words
    ) throws {
        guard !expected.contains(current) else { return }
        throw StorageError(
            .conflict, operation: operation, subject: name,
            Words(
                vi: "phiếu tự đánh giá của đơn vị '\(unit)' kỳ \(period) đang ở trạng thái "
                    + "\(current?.rawValue ?? "chưa bắt đầu")",
                en: "the self-assessment of unit '\(unit)' in period \(period) is \(current?.rawValue ?? "not started")"
            ),
            hint: Self.reloadHint)
    }

    /// "Reload the page".
    static let reloadHint = Words(vi: "hãy tải lại trang", en: "reload the page")

    /// Writes a status that differs from the current one, and logs the change (the period exists).
    private static func setStatus(
        _ status: SubmissionStatus, from current: SubmissionStatus?, period: String, unit: UnitCode, who: String,
        at: String, _ db: Database
    ) throws {
        if current == status { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO submissionStatus (period, unit, status, who, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [period, unit.rawValue, status.rawValue, who, at])
        try appendAudit(
            auditStatement(db), at: at, who: who, action: "submission.status", period: period,
            unit: unit.rawValue, oldValue: current?.rawValue ?? "not started", newValue: status.rawValue)
    }

    /// Stores an uploaded evidence file under its SHA-256 (the same bytes twice are stored once), and logs it.
    ///
    /// - Parameter file: the file; its `sha256` must be the digest of its bytes (the caller computes it).
    public func storeEvidenceFile(_ file: EvidenceFile, period: String?, who: String) throws(StorageError) {
        let at = clock()
        try write(Words(vi: "lưu tệp minh chứng '\(file.name)'", en: "storing evidence file '\(file.name)'")) { db in
            try Self.storeEvidenceFile(file, period: period, who: who, at: at, db)
        }
    }

    private static func storeEvidenceFile(
        _ file: EvidenceFile, period: String?, who: String, at: String, _ db: Database
    ) throws {
        let unit = file.unit?.rawValue ?? ""
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM evidenceFile WHERE unit = ? AND sha256 = ?", arguments: [unit, file.sha256]) == true
        {
            return
        }
        try db.execute(
            sql: """
                INSERT INTO evidenceFile (sha256, name, contentType, size, unit, bytes, who, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [file.sha256, file.name, file.contentType, file.size, unit, Data(file.bytes), who, at])
        try appendAudit(
            auditStatement(db), at: at, who: who, action: "evidence.upload", period: period,
            unit: file.unit?.rawValue, newValue: "\(file.sha256) \(file.name)",
            detail: "\(file.contentType), \(file.size) bytes")
    }

    /// Deletes the evidence files that no stored value of their unit refers to and that are older than `before`
    /// (an ISO time: a file uploaded a moment ago may be about to be saved), and logs each deletion.
    ///
    /// - Returns: how many files and bytes were deleted.
    @discardableResult
    public func removeUnreferencedEvidence(before: String, who: String) throws(StorageError) -> (files: Int, bytes: Int)
    {
        let at = clock()
        return try write(
            Words(
                vi: "xóa các tệp minh chứng không còn giá trị nào dùng",
                en: "removing evidence files no value refers to")
        ) { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.unit, f.sha256, f.name, f.size FROM evidenceFile f
                    WHERE f.at < ? AND NOT EXISTS (
                      SELECT 1 FROM submission s JOIN unitKey u ON u.id = s.unit
                      WHERE u.code = f.unit AND s.evidence IS NOT NULL AND instr(s.evidence, 'file: ' || f.sha256) > 0)
                    """, arguments: [before])
            var bytes = 0
            for row in rows {
                let unit: String = row["unit"]
                let sha: String = row["sha256"]
                let name: String = row["name"]
                let size: Int = row["size"]
                bytes += size
                try db.execute(sql: "DELETE FROM evidenceFile WHERE unit = ? AND sha256 = ?", arguments: [unit, sha])
                try Self.appendAudit(
                    Self.auditStatement(db), at: at, who: who, action: "evidence.remove",
                    unit: unit.isEmpty ? nil : unit,
                    oldValue: "\(sha) \(name)", detail: "no value refers to it, \(size) bytes")
            }
            return (rows.count, bytes)
        }
    }
}
