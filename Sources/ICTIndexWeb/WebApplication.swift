import Foundation
public import Hummingbird
import HummingbirdBcrypt
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
public import ICTIndexStorage
import ICTIndexWebForms
import OrderedCollections
import Synchronization

/// Builds the web application of `ictindex serve` on a database.
///
/// For example:
/// ```swift
/// let database = try IndexDatabase(path: "ictindex.sqlite")
/// let app = buildApplication(database: database, configuration: WebConfiguration(engineVersion: "0.1.0"))
/// try await app.runService()
/// ```
public func buildApplication(
    database: IndexDatabase, configuration: WebConfiguration
) -> some ApplicationProtocol {
    let app = WebApp(database: database, configuration: configuration)
    var application = Application(
        responder: HeadAsGet(base: buildRouter(app).buildResponder()),
        server: .http1(configuration: RequestLimits.http1(configuration)),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "ictindex"))
    if configuration.cleanupInterval > 0 {
        application.addServices(EvidenceCleanup(app: app, logger: application.logger))
    }
    return application
}

/// Answers HEAD as GET without the body (the router knows GET routes only), before the router resolves the path.
struct HeadAsGet<Base: HTTPResponder>: HTTPResponder where Base.Context == WebContext {
    let base: Base

    func respond(to request: Request, context: WebContext) async throws -> Response {
        guard request.method == .head else {
            return try await base.respond(to: request, context: context)
        }
        var head = request.head
        head.method = .get
        var response = try await base.respond(
            to: Request(head: head, body: request.body), context: context)
        response.body = .init()
        return response
    }
}

/// The router of the web application: every page and form, behind the session middleware, in one route group
/// per role.
public func buildRouter(database: IndexDatabase, configuration: WebConfiguration) -> Router<
    WebContext
> {
    buildRouter(WebApp(database: database, configuration: configuration))
}

func buildRouter(_ app: WebApp) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: ResponseRulesMiddleware())
    router.add(middleware: SessionMiddleware(app: app))
    router.add(middleware: ErrorPageMiddleware())
    app.addLoginRoutes(to: router)
    app.addLeaderRoutes(to: router.group().add(middleware: RoleMiddleware(.leader, .admin)))
    app.addSignedInRoutes(
        to: router.group().add(middleware: RoleMiddleware(.agency, .leader, .admin)))
    app.addAdminRoutes(to: router.group("/admin").add(middleware: RoleMiddleware(.admin)))
    return router
}

/// What every route shares: the database, the configuration, the sign-in limiter and caches.
final class WebApp: Sendable {
    let database: IndexDatabase
    let configuration: WebConfiguration
    let limiter: LoginLimiter
    /// The criteria of `--framework`, once read.
    private let configured = Mutex<(LoadedFramework, FrameworkSource)?>(nil)
    /// Prepared runs for the leader pages, by run id (see ``RunView``).
    let runViews = Mutex<[Int: RunView]>([:])
    /// Loaded criteria by SHA-256.
    private let frameworks = Mutex<[String: LoadedFramework]>([:])
    /// Provisional scores of the agencies' form pages.
    let provisional: ProvisionalScores
    /// A bcrypt hash of a random text at the configured cost, checked against when the user name is unknown, so
    /// that an unknown name takes as long as a known one.
    let dummyHash: String

    init(database: IndexDatabase, configuration: WebConfiguration) {
        self.database = database
        self.configuration = configuration
        // Failed sign-ins of the last window count after a restart too.
        let since = Date().addingTimeInterval(-Double(configuration.loginWindow)).ISO8601Format()
        let history = (try? database.auditEntries(AuditFilter(since: since, action: "session."))) ?? []
        limiter = LoginLimiter(
            limit: configuration.loginAttempts, window: configuration.loginWindow, history: history)
        provisional = ProvisionalScores(
            database: database, peerValuesMaxAge: configuration.peerValuesMaxAge)
        dummyHash = Bcrypt.hash(Tokens.random(), cost: configuration.bcryptCost)
    }

    // MARK: - Requests

    /// The largest body of a form without files (sign-out, appraisal, runs, users).
    static let smallForm = 256 * 1024

    /// The signed-in user (route groups check the role before a handler runs).
    func user(_ context: WebContext) throws -> WebUser {
        guard let user = context.user else { throw WebError.signInNeeded() }
        return user
    }

    /// A path parameter, percent-decoded (`/submissions/2025%2D1/SNV` is period `2025-1`).
    func parameter(_ context: WebContext, _ name: String) throws -> String {
        let raw = context.parameters.get(name) ?? ""
        guard let decoded = raw.removingPercentEncoding else {
            throw WebError(.badRequest, vi: "Địa chỉ không hợp lệ.", en: "The address is malformed.")
        }
        return decoded
    }

    /// Reads a form body (URL-encoded or multipart) within its route's limits, and checks its CSRF token against
    /// the session's.
    ///
    /// The session, the declared length and the boundary are checked before a byte of the body is read; the
    /// body is read up to `maxBytes` and parsed in linear time.
    ///
    /// - Throws: ``WebError`` 401 without a session, 413 when the body or its number of fields is too large,
    ///   400 when it is malformed (a boundary outside 1…70 characters), 403 when the CSRF token is wrong.
    func form(_ request: Request, _ context: WebContext, maxBytes: Int = smallForm) async throws
        -> MultipartBody
    {
        guard let session = context.session else { throw WebError.signInNeeded() }
        let limits = FormLimits(maxBytes: maxBytes, maxFields: configuration.maxFormFields)
        let contentType = request.headers[.contentType] ?? ""
        do throws(FormBodyError) {
            _ = try MultipartBody.boundary(of: contentType, limits: limits)
        } catch {
            throw WebError.body(error)
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes {
            throw WebError.body(FormBodyError(.tooLarge, limit: maxBytes))
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch {
            throw WebError.body(FormBodyError(.tooLarge, limit: maxBytes))
        }
        let body: MultipartBody
        do throws(FormBodyError) {
            body = try MultipartBody.parse(
                bytes: Array(buffer.readableBytesView), contentType: contentType, limits: limits)
        } catch {
            throw WebError.body(error)
        }
        guard Tokens.same(body.fields["csrf"] ?? "", session.csrfToken) else { throw WebError.csrf() }
        return body
    }

    /// The hidden CSRF field of a form.
    func csrfField(_ context: WebContext) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(context.session?.csrfToken ?? "")\">"
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    // MARK: - Criteria and results

    /// The criteria for a period: `--framework`, or else the last used for the period, or else for any period.
    func framework(forPeriod period: String?) throws -> (LoadedFramework, FrameworkSource) {
        if let path = configuration.frameworkPath {
            // Read once: the file given to `serve` is the criteria of this server's life (restart to change it).
            if let hit = configured.withLock({ $0 }) { return hit }
            let (loaded, source) = try CriteriaSource.load(path: path)
            configured.withLock { $0 = (loaded, source) }
            return (loaded, source)
        }
        var candidates: [String] = []
        if let period { candidates.append(period) }
        candidates += try database.periods().reversed()
        for p in candidates {
            if let source = try database.latestFramework(forPeriod: p) {
                if let hit = frameworks.withLock({ $0[source.sha256] }) { return (hit, source) }
                let loaded = try FrameworkLoader().load(
                    yaml: source.yaml, file: "\(source.id) (stored, sha256 \(source.sha256.prefix(12)))")
                return (cached(loaded), source)
            }
        }
        throw WebError(
            .conflict, vi: "Chưa có bộ tiêu chí nào: chưa chấm kỳ nào.",
            en: "No criteria are known yet: no run has been recorded.",
            detail:
                "start 'ictindex serve --framework Criteria/FILE.yaml' so forms and runs have criteria")
    }

    private func cached(_ loaded: LoadedFramework) -> LoadedFramework {
        frameworks.withLock { cache in
            if let hit = cache[loaded.sha256] { return hit }
            cache[loaded.sha256] = loaded
            return loaded
        }
    }

    /// The period to show: the one asked for, or else the latest with a run, or else the latest.
    func period(_ asked: String?) throws -> String? {
        if let asked, !asked.isEmpty { return asked }
        if let latest = try database.runs().first?.period { return latest }
        return try database.periods().last
    }
}
