import Foundation
import ICTIndexCore
import ICTIndexStorage
import Testing

/// The web application's tables (migrations v4-web and v5-web-hardening): accounts, sessions, submission status, evidence files.
@Suite struct UsersTests {
    let sample: SampleProvince
    let database: IndexDatabase

    init() throws {
        sample = try SampleProvince()
        database = try sample.database(with2025: false)
    }

    @Test("a user is created once, with the audit entry; a second one with the same name is refused")
    func addUser() throws {
        let user = try database.addUser(name: "snv", role: .agency, unit: "SNV", passwordHash: "$2b$04$x", who: "dic")
        #expect(user.role == .agency && user.unit == "SNV" && user.active)
        #expect(try database.user(named: "snv") == user)
        let error = try #require(throws: StorageError.self) {
            try database.addUser(name: "snv", role: .leader, unit: nil, passwordHash: "h", who: "dic")
        }
        #expect(error.code == .conflict)
        #expect(error.description.contains("a user named 'snv' already exists"))
        #expect(try database.auditEntries().filter { $0.action == "user.add" }.map(\.newValue) == ["snv (agency)"])
    }

    @Test("an agency needs an existing unit, and other roles have none", arguments: [
        (WebUser.Role.agency, nil as String?, "an agency user needs a unit"),
        (.agency, "NOPE", "there is no unit 'NOPE'"),
        (.leader, "SNV", "a leader user has no unit, but unit 'SNV' was given"),
    ])
    func unitRules(role: WebUser.Role, unit: String?, message: String) throws {
        let error = try #require(throws: StorageError.self) {
            try database.addUser(name: "x", role: role, unit: unit.map(UnitCode.init), passwordHash: "h", who: "dic")
        }
        #expect(error.description.contains(message))
        #expect(try database.users().isEmpty)
    }

    @Test("a session is found by its token's hash until it expires or its user is disabled")
    func sessions() throws {
        let user = try database.addUser(name: "lead", role: .leader, unit: nil, passwordHash: "h", who: "dic")
        try database.createSession(
            tokenHash: "abc", user: user, csrfToken: "c", expiresAt: "2025-08-01T17:00:00Z", from: "127.0.0.1")
        #expect(try database.session(tokenHash: "abc", now: "2025-08-01T10:00:00Z")?.user.name == "lead")
        #expect(try database.session(tokenHash: "abc", now: "2025-08-01T17:00:01Z") == nil)
        #expect(try database.session(tokenHash: "zzz", now: "2025-08-01T10:00:00Z") == nil)
        try database.updateUser(id: user.id, active: false, who: "dic")
        #expect(try database.session(tokenHash: "abc", now: "2025-08-01T10:00:00Z") == nil)
    }

    @Test("a status change can require the current status, and a published period refuses it")
    func status() throws {
        try database.setSubmissionStatus(.draft, period: "2024", unit: "SNV", expected: [nil, .draft], who: "snv")
        try database.setSubmissionStatus(.submitted, period: "2024", unit: "SNV", expected: [nil, .draft], who: "snv")
        let again = try #require(throws: StorageError.self) {
            try database.setSubmissionStatus(.draft, period: "2024", unit: "SNV", expected: [nil, .draft], who: "snv")
        }
        #expect(again.description.contains("the self-assessment of unit 'SNV' in period 2024 is submitted"))
        #expect(try database.submissionStatuses(forPeriod: "2024") == ["SNV": .submitted])
        _ = try database.publish(run: sample.run("2024", in: database).id, who: "dic")
        let frozen = try #require(throws: StorageError.self) {
            try database.setSubmissionStatus(.appraised, period: "2024", unit: "SNV", who: "dic")
        }
        #expect(frozen.code == .frozen)
    }

    @Test("the audit log filters by who, action prefix and period; last keeps the newest, oldest first")
    func auditFilter() throws {
        try database.addUser(name: "snv", role: .agency, unit: "SNV", passwordHash: "h", who: "dic")
        try database.setSubmissionStatus(.draft, period: "2024", unit: "SNV", who: "snv")
        try database.setSubmissionStatus(.submitted, period: "2024", unit: "SNV", who: "snv")
        let filter = AuditFilter(who: "snv", action: "submission.", period: "2024")
        #expect(try database.auditCount(filter) == 2)
        #expect(try database.auditEntries(filter).map(\.newValue) == ["draft", "submitted"])
        #expect(try database.auditEntries(filter, last: 1).map(\.newValue) == ["submitted"])
        #expect(try database.auditCount(AuditFilter(action: "submission%")) == 0)  // no wildcards
        #expect(try database.auditCount(AuditFilter(who: "dic", action: "user.")) == 1)
        #expect(try database.auditCount(AuditFilter(period: "2025")) == 0)
    }

    @Test("an evidence file is stored once by its SHA-256 and read back byte for byte")
    func evidence() throws {
        let file = EvidenceFile(sha256: "ab12", name: "qd.pdf", contentType: "application/pdf", size: 3, unit: "SNV", bytes: [1, 2, 3])
        try database.storeEvidenceFile(file, period: "2025", who: "snv")
        try database.storeEvidenceFile(file, period: "2025", who: "snv")
        #expect(try database.evidenceFile(sha256: "ab12") == file)
        #expect(try database.auditEntries().filter { $0.action == "evidence.upload" }.count == 1)
    }

    @Test("a form save stores files, values and status at once; an emptied field removes its value, an unsent one keeps it")
    func formSave() throws {
        let unit = try #require(try database.unit("SNV", inPeriod: "2025"))
        let file = EvidenceFile(sha256: "cd34", name: "qd.pdf", contentType: "application/pdf", size: 2, unit: "SNV", bytes: [9, 9])
        let first = try database.saveSelfAssessment(
            ["staff": .init(value: .number(112), source: .selfAssessed, evidence: "file: cd34 qd.pdf"),
             "computers": .init(value: .number(111), source: .selfAssessed),
             "steering_chair": .init(value: .option("chair"), source: .selfAssessed)],
            of: unit, period: "2025", emptied: [], files: [file], submit: false, who: "snv")
        #expect(first == ImportSummary(added: 3))
        #expect(try database.submissionStatus(period: "2025", unit: "SNV") == .draft)
        #expect(try database.hasEvidenceFile(sha256: "cd34", unit: "SNV"))
        #expect(try !database.hasEvidenceFile(sha256: "none", unit: "SNV"))

        // staff changed, computers emptied, steering_chair not sent.
        let second = try database.saveSelfAssessment(
            ["staff": .init(value: .number(113), source: .selfAssessed, evidence: "file: cd34 qd.pdf")],
            of: unit, period: "2025", emptied: ["computers"], files: [], submit: false, who: "snv")
        #expect(second == ImportSummary(changed: 1, removed: 1))
        let (own, _) = try database.dataset(forPeriod: "2025", sources: [.selfAssessed])
        #expect(own.value("SNV", "staff") == .number(113))
        #expect(own.value("SNV", "computers") == nil)
        #expect(own.value("SNV", "steering_chair") == .option("chair"))
        let audit = try database.auditEntries(unit: "SNV")
        let removal = try #require(audit.first { $0.action == "value.remove" })
        #expect(removal.variable == "computers" && removal.oldValue == "111" && removal.who == "snv")
        #expect(removal.detail == "self, web form")
        #expect(audit.filter { $0.action == "submission.status" }.map(\.newValue) == ["draft"])
        #expect(try database.auditEntries().last?.detail == "web form: 0 added, 1 changed, 1 removed, 0 unchanged (self)")

        // The same form again changes nothing and logs nothing.
        let count = try database.auditEntries().count
        let third = try database.saveSelfAssessment(
            ["staff": .init(value: .number(113), source: .selfAssessed, evidence: "file: cd34 qd.pdf")],
            of: unit, period: "2025", emptied: ["computers"], files: [file], submit: false, who: "snv")
        #expect(third == ImportSummary(unchanged: 1))
        #expect(try database.auditEntries().count == count)
    }

    @Test("a submitted self-assessment refuses a save and keeps nothing of it: no file, no value, no status change")
    func formSaveAfterSubmit() throws {
        let unit = try #require(try database.unit("SNV", inPeriod: "2025"))
        _ = try database.saveSelfAssessment(
            ["staff": .init(value: .number(112), source: .selfAssessed)],
            of: unit, period: "2025", emptied: [], files: [], submit: true, who: "snv")
        #expect(try database.submissionStatus(period: "2025", unit: "SNV") == .submitted)
        let count = try database.auditEntries().count
        let file = EvidenceFile(sha256: "ef56", name: "late.pdf", contentType: "application/pdf", size: 1, unit: "SNV", bytes: [1])
        let error = try #require(throws: StorageError.self) {
            try database.saveSelfAssessment(
                ["staff": .init(value: .number(1), source: .selfAssessed)],
                of: unit, period: "2025", emptied: [], files: [file], submit: false, who: "snv")
        }
        #expect(error.code == .conflict)
        #expect(error.description.contains("the self-assessment of unit 'SNV' in period 2025 is submitted"))
        #expect(try !database.hasEvidenceFile(sha256: "ef56", unit: "SNV"))
        #expect(try database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset.value("SNV", "staff") == .number(112))
        #expect(try database.auditEntries().count == count)
    }

    @Test("one unit is found by its code in the periods it exists in")
    func oneUnit() throws {
        #expect(try database.unit("SNV", inPeriod: "2025")?.name == sample.units.first { $0.code == "SNV" }?.name)
        #expect(try database.unit("NOPE", inPeriod: "2025") == nil)
    }
}
