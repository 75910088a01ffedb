import Foundation
import ICTIndexCore
import ICTIndexStorage
import Testing

/// The web application's tables (migration v4-web): accounts, sessions, submission status, evidence files.
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

    @Test("an evidence file is stored once by its SHA-256 and read back byte for byte")
    func evidence() throws {
        let file = EvidenceFile(sha256: "ab12", name: "qd.pdf", contentType: "application/pdf", size: 3, unit: "SNV", bytes: [1, 2, 3])
        try database.storeEvidenceFile(file, period: "2025", who: "snv")
        try database.storeEvidenceFile(file, period: "2025", who: "snv")
        #expect(try database.evidenceFile(sha256: "ab12") == file)
        #expect(try database.auditEntries().filter { $0.action == "evidence.upload" }.count == 1)
    }
}
