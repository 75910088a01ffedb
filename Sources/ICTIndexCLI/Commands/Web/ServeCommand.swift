import ArgumentParser
import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import ICTIndexWeb

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

    @Flag(help: "Mark the session cookie Secure (when users reach the server over HTTPS).")
    var secureCookies = false

    @Option(help: ArgumentHelp("The bcrypt cost of passwords set in the web application (10…31).", valueName: "cost"))
    var bcryptCost: UInt8 = 12

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port \(port) is not a port number (1…65535)") }
        if !(10...31).contains(bcryptCost) { throw ValidationError("--bcrypt-cost \(bcryptCost) is outside 10…31") }
    }

    func run() async throws {
        let database: IndexDatabase
        do {
            database = try IndexDatabase(path: db)
            if let framework { _ = try CriteriaSource.load(path: framework) }
        } catch let failure as StorageError {
            Console.err("error: \(failure)")
            throw failure.isInvalidInput ? ExitCode.validationFailure : ExitCode.failure
        } catch let failure as ValidationFailure {
            Console.report(failure.diagnostics)
            throw ExitCode.validationFailure
        }
        let configuration = WebConfiguration(
            host: host, port: port, secureCookies: secureCookies, bcryptCost: bcryptCost, frameworkPath: framework,
            trustedProxies: trustedProxy, engineVersion: ICTIndexVersion.current)
        Console.err("ictindex serve: http://\(host):\(port)/ (database \(db))")
        try await buildApplication(database: database, configuration: configuration).runService()
    }
}
