public import ICTIndexCore

/// A person who signs in to the web application (`ictindex serve`), with one role.
///
/// Admins (the department's evaluators) may do everything, leaders read everything, and an agency user
/// reads and writes its own unit's self-assessment only.
public struct WebUser: Hashable, Sendable {
    /// What a user may do.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case admin
        case leader
        case agency
    }

    public var id: Int
    /// The sign-in name, unique.
    public var name: String
    public var role: Role
    /// The agency's unit (agency users only).
    public var unit: UnitCode?
    /// The bcrypt hash of the password (`$2b$…`).
    public var passwordHash: String
    /// A disabled user cannot sign in; its sessions end.
    public var active: Bool
    /// When the user was created (ISO 8601).
    public var createdAt: String

    /// Why a text cannot be a new sign-in name, or nil when it can: 1 to 64 of `a-z A-Z 0-9 . _ - @`.
    ///
    /// ASCII only, so no name looks like another (Cyrillic `ѕnv` and Latin `snv`, one name in two Unicode
    /// forms, a right-to-left override, NUL); names differing only in case are also refused as duplicates.
    public static func nameProblem(_ name: String) -> Words? {
        if name.isEmpty { return Words(vi: "để trống", en: "is empty") }
        if name.utf8.count > 64 { return Words(vi: "dài hơn 64 ký tự", en: "is longer than 64 characters") }
        let allowed = name.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x5F
                || b == 0x2D || b == 0x40
        }
        return allowed ? nil : Words(vi: "không phải tên người dùng hợp lệ", en: "is not a valid user name")
    }

    /// A name as it can be shown in a message: control and format characters as `\u{…}`, at most 80 characters.
    public static func printable(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars.prefix(80) {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return name.unicodeScalars.count > 80 ? out + "…" : out
    }
}

/// A signed-in browser: the SHA-256 of its random token (the token itself is only in the cookie), its
/// CSRF token, and when it ends.
public struct WebSession: Hashable, Sendable {
    public var tokenHash: String
    public var user: WebUser
    /// The token every form of this session must send back.
    public var csrfToken: String
    /// ISO 8601 time after which the session is refused.
    public var expiresAt: String
}

/// Where a unit's self-assessment of a period stands.
public enum SubmissionStatus: String, Hashable, Sendable, CaseIterable {
    /// The agency has saved values but not submitted them.
    case draft
    /// Submitted for appraisal: read-only for the agency.
    case submitted
    /// The department has recorded appraisal decisions.
    case appraised
}

/// An uploaded evidence file (a PDF or an image), stored in the database by its SHA-256.
public struct EvidenceFile: Hashable, Sendable {
    /// SHA-256 of the bytes, lowercase hex.
    public var sha256: String
    /// The name it was uploaded under (shown, never used as a path).
    public var name: String
    /// The media type found from its first bytes (`application/pdf`, `image/png`, `image/jpeg`).
    public var contentType: String
    public var size: Int
    /// The unit that uploaded it (agency uploads), for access checks.
    public var unit: UnitCode?
    public var bytes: [UInt8]

    /// Describes a file to store.
    public init(sha256: String, name: String, contentType: String, size: Int, unit: UnitCode?, bytes: [UInt8]) {
        self.sha256 = sha256
        self.name = name
        self.contentType = contentType
        self.size = size
        self.unit = unit
        self.bytes = bytes
    }
}
