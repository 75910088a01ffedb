import ArgumentParser
import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import ICTIndexWeb
import ServiceLifecycle
import UnixSignals
#if canImport(Glibc)
import Glibc
#endif

/// `ictindex serve`: the web application for leaders, agencies and the department, on the database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy ứng dụng web / Serve the web application (rankings, self-assessment, appraisal).",
        discussion: """
            Serves server-rendered pages in Vietnamese (English with ?lang=en) with no asset from the \
            Internet. Create accounts first with 'ictindex user add'. Listens on 127.0.0.1 unless --host \
            says otherwise; put it behind the department's HTTPS proxy and pass --secure-cookies.

            Example:
              ictindex serve --db ictindex.sqlite --framework Criteria/vn-province-agencies.yaml --port 8080
            """
    )

    @Option(help: ArgumentHelp("The evaluation database (SQLite).", valueName: "path"))
    var db: String = "ictindex.sqlite"

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: ArgumentHelp(
        "The criteria file for forms and runs (default: the criteria last used to score a period).", valueName: "file"))
    var framework: String?

    @Option(help: ArgumentHelp(
        "The address of a reverse proxy in front of the server, whose X-Forwarded-For names the client (repeatable).",
        valueName: "address"))
    var trustedProxy: [String] = []

    @Option(help: ArgumentHelp(
        "A GeoJSON file of the units' boundaries for the map page (features matched by their 'code' property).",
        valueName: "file"))
    var map: String?

    @Flag(help: "Mark the session cookie Secure (when users reach the server over HTTPS).")
    var secureCookies = false

    @Option(help: ArgumentHelp("The bcrypt cost of passwords set in the web application (10…31).", valueName: "cost"))
    var bcryptCost: UInt8 = 12

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port \(port) is not a port number (1…65535)") }
        if !Self.isAddress(host) && !Self.isHostName(host) {
            throw ValidationError(
                "--host '\(host.prefix(80))' is not an IP address or host name (for example 127.0.0.1, 0.0.0.0, ::1)")
        }
        for proxy in trustedProxy where !Self.isAddress(proxy) {
            throw ValidationError(
                "--trusted-proxy '\(proxy.prefix(80))' is not an IP address (for example 10.0.0.2 or fd00::2)")
        }
        if !(10...31).contains(bcryptCost) { throw ValidationError("--bcrypt-cost \(bcryptCost) is outside 10…31") }
    }

    /// Whether a text is an IPv4 or IPv6 address, as the C library reads one (`inet_pton`).
    static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// Whether a text is a host name (RFC 1123 labels: letters, digits and inner hyphens, 1 to 63 characters
    /// each), not made only of digits and dots (a mistyped IPv4 address such as 999.1.1.1 is not a name).
    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253, !text.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { b in
                    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
                }
        }
    }

    func run() async throws {
        var webMap: WebMap?
        if let map {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: map))
            } catch {
                Console.err(
                    Console.errorLine(
                        MessageLanguage.pick(
                            vi: "\(map): không đọc được tệp bản đồ\n  gợi ý: kiểm tra đường dẫn và quyền đọc tệp",
                            en: "\(map): the map file cannot be read\n  hint: check the path and that the file is readable"
                        )))
                throw ExitCode.validationFailure
            }
            do throws(WebMapError) {
                webMap = try WebMap(geoJSON: data, file: map)
            } catch {
                Console.err(Console.errorLine(error.description(in: MessageLanguage.current)))
                throw ExitCode.validationFailure
            }
        }
        let database: IndexDatabase
        do {
            database = try IndexDatabase(path: db)
            if let framework { _ = try CriteriaSource.load(path: framework) }
        } catch let failure as StorageError {
            Console.err(Console.errorLine(failure.description(in: MessageLanguage.current)))
            throw failure.isInvalidInput ? ExitCode.validationFailure : ExitCode.failure
        } catch let failure as ValidationFailure {
            Console.report(failure.diagnostics)
            throw ExitCode.validationFailure
        }
        let configuration = WebConfiguration(
            host: host, port: port, secureCookies: secureCookies, bcryptCost: bcryptCost, frameworkPath: framework,
            trustedProxies: trustedProxy, engineVersion: ICTIndexVersion.current, map: webMap)
        Console.err("ictindex serve: http://\(host):\(port)/ (database \(db))")
        // SIGTERM (systemctl stop) or SIGINT: the server stops taking connections and finishes the requests under
        // way, for at most 10 s; connections a client keeps open past that (keep-alive) are then cancelled, so the
        // process always ends instead of waiting for every browser to go away.
        let application = buildApplication(database: database, configuration: configuration)
        var group = ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: application.logger)
        group.maximumGracefulShutdownDuration = .seconds(10)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }
}
