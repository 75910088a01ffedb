import ArgumentParser
import Foundation
import HummingbirdBcrypt
import ICTIndexCore
import ICTIndexStorage

#if canImport(Glibc)
    import Glibc
#endif

/// `ictindex user add NAME --role …`: creates an account of the web application.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Quản lý tài khoản web / Manage web application accounts.",
        subcommands: [Add.self, Unlock.self]
    )

    /// `ictindex user unlock NAME`: lifts the sign-in lock of a user (after too many wrong passwords).
    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock",
            abstract: "Mở khóa đăng nhập / Lift the sign-in lock of an account.",
            discussion: """
                After too many wrong passwords a name is locked for the sign-in window (per address, and for \
                every address after ten times as many). This lifts the lock at once, also on a running \
                'ictindex serve'; the unlock is written to the audit log.

                Example:
                  ictindex user unlock admin --db ictindex.sqlite
                """
        )

        @Argument(help: "The sign-in name.")
        var name: String

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            try Console.run {
                let database = try options.open()
                try database.recordUnlock(name: name, who: options.person)
                Console.out(
                    Words(vi: "người dùng '\(name)': đã mở khóa đăng nhập", en: "user '\(name)': sign-in unlocked"))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Tạo tài khoản / Create an account (password prompted, or read from stdin).",
            discussion: """
                Roles: admin (the department's evaluators: everything), leader (read-only, every unit), agency \
                (one unit, given with --unit: its own self-assessment and results). The password is asked on \
                the terminal, or read from the first line of standard input when it is not a terminal; it \
                needs at least 8 characters and is stored as a bcrypt hash.

                Example:
                  echo 'a long secret' | ictindex user add snv --role agency --unit SNV --db ictindex.sqlite
                """
        )

        @Argument(help: "The sign-in name.")
        var name: String

        @Option(help: "admin, leader or agency.")
        var role: RoleArgument

        @Option(help: ArgumentHelp("The agency's unit code (agency only).", valueName: "code"))
        var unit: String?

        @Option(help: ArgumentHelp("The bcrypt cost (10…31).", valueName: "cost"))
        var cost: UInt8 = 12

        @OptionGroup var options: DatabaseOptions

        func validate() throws {
            if !(10...31).contains(cost) { throw ValidationError("--cost \(cost) is outside 10…31") }
            if role == .agency && unit == nil { throw ValidationError("an agency account needs --unit CODE") }
            if role != .agency && unit != nil { throw ValidationError("--unit is for agency accounts only") }
        }

        func run() throws {
            try Console.run {
                let database = try options.open()
                let password = try readPassword()
                if password.count < 8 {
                    throw ValidationFailure(diagnostics: [
                        .error(
                            .emptyFile,
                            Words(
                                vi: "mật khẩu có \(password.count) ký tự; cần ít nhất 8 ký tự",
                                en: "the password has \(password.count) characters; it needs at least 8"),
                            hint: Words(vi: "hãy chọn mật khẩu dài hơn", en: "choose a longer password"))
                    ])
                }
                let user = try database.addUser(
                    name: name, role: role.role, unit: unit.map(UnitCode.init),
                    passwordHash: Bcrypt.hash(password, cost: cost),
                    who: options.person)
                Console.out(
                    Words(
                        vi: "đã tạo người dùng '\(user.name)' (\(user.role.rawValue)"
                            + "\(user.unit.map { ", đơn vị \($0)" } ?? ""))",
                        en: "user '\(user.name)' (\(user.role.rawValue)\(user.unit.map { ", unit \($0)" } ?? "")) created"))
            }
        }

        private func readPassword() throws -> String {
            if isatty(STDIN_FILENO) != 0 {
                guard let first = getpass("Mật khẩu / Password: ").map({ String(cString: $0) }),
                    let second = getpass("Nhập lại / Again: ").map({ String(cString: $0) })
                else {
                    throw RuntimeFailure(
                        vi: "không đọc được mật khẩu từ màn hình dòng lệnh",
                        en: "cannot read the password from the terminal")
                }
                if first != second {
                    throw RuntimeFailure(vi: "hai lần nhập mật khẩu khác nhau", en: "the two passwords differ")
                }
                return first
            }
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw RuntimeFailure(
                    vi: "không có mật khẩu ở đầu vào chuẩn (hãy đưa nó vào dòng đầu tiên)",
                    en: "no password on standard input (give it as the first line)")
            }
            return line
        }
    }
}

/// A role as an argument (`--role admin|leader|agency`).
enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
    case admin
    case leader
    case agency

    var role: WebUser.Role { WebUser.Role(rawValue: rawValue) ?? .leader }
}
