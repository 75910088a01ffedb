import Foundation
public import Hummingbird
import ICTIndexCore
import OrderedCollections
import ICTIndexCriteria
import ICTIndexService
public import ICTIndexStorage
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
    Application(
        router: buildRouter(database: database, configuration: configuration),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "ictindex"))
}

/// The router of the web application: every page and form, behind the session middleware.
public func buildRouter(database: IndexDatabase, configuration: WebConfiguration) -> Router<WebContext> {
    let app = WebApp(database: database, configuration: configuration)
    let router = Router(context: WebContext.self)
    router.add(middleware: SessionMiddleware(app: app))
    app.addLoginRoutes(to: router)
    app.addLeaderRoutes(to: router)
    app.addAgencyRoutes(to: router)
    app.addAdminRoutes(to: router)
    return router
}

/// A refusal shown to the user as a page with a status: what was refused and why.
struct Refusal: Error {
    var status: HTTPResponse.Status
    var message: String
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

    init(database: IndexDatabase, configuration: WebConfiguration) {
        self.database = database
        self.configuration = configuration
        // Failed sign-ins of the last window count after a restart too.
        let since = Date().addingTimeInterval(-Double(configuration.loginWindow)).ISO8601Format()
        let history = (try? database.auditEntries(AuditFilter(since: since, action: "session."))) ?? []
        limiter = LoginLimiter(limit: configuration.loginAttempts, window: configuration.loginWindow, history: history)
        provisional = ProvisionalScores(database: database, peerValuesMaxAge: configuration.peerValuesMaxAge)
    }

    // MARK: - Handling

    /// Runs a route body, turning refusals and storage or validation errors into pages.
    func handle(
        _ context: WebContext, path: String = "/", _ body: () async throws -> Response
    ) async -> Response {
        let w = Words(context.language)
        do {
            return try await body()
        } catch let refusal as Refusal {
            return errorPage(refusal.status, refusal.message, context, path: path)
        } catch let failure as StorageError {
            let status: HTTPResponse.Status =
                failure.code == .frozen || failure.code == .conflict ? .conflict
                : failure.code == .notFound ? .notFound : .internalServerError
            let frozen = failure.code == .frozen
                ? w.t("Kỳ đánh giá đã công bố nên không thể sửa. ", "The period is published and cannot be changed. ") : ""
            return errorPage(status, frozen + failure.description, context, path: path)
        } catch let failure as ValidationFailure {
            return errorPage(.unprocessableContent, failure.description, context, path: path)
        } catch {
            return errorPage(.internalServerError, "\(error)", context, path: path)
        }
    }

    func errorPage(_ status: HTTPResponse.Status, _ message: String, _ context: WebContext, path: String) -> Response {
        let w = Words(context.language)
        let title: String
        switch status {
        case .forbidden: title = w.t("Không được phép", "Forbidden")
        case .notFound: title = w.t("Không tìm thấy", "Not found")
        case .conflict: title = w.t("Không thực hiện được", "Not possible")
        case .tooManyRequests: title = w.t("Quá nhiều lần thử", "Too many attempts")
        case .contentTooLarge: title = w.t("Tệp quá lớn", "File too large")
        default: title = w.t("Lỗi", "Error") + " \(status.code)"
        }
        return Page(
            title: title, body: "<p class=\"errors\">\(esc(message).replacingOccurrences(of: "\n", with: "<br>"))</p>",
            context: context, path: path, status: status
        ).response()
    }

    /// The signed-in user, when it has one of the roles; otherwise a refusal (or a redirect to sign in).
    func require(_ context: WebContext, _ roles: WebUser.Role...) throws -> WebUser {
        guard let user = context.user else {
            throw Refusal(status: .unauthorized, message: Words(context.language).t(
                "Hãy đăng nhập (/login).", "Please sign in (/login)."))
        }
        guard roles.contains(user.role) else {
            throw Refusal(status: .forbidden, message: Words(context.language).t(
                "Vai trò '\(user.role.rawValue)' không được làm việc này.",
                "The role '\(user.role.rawValue)' may not do this."))
        }
        return user
    }

    /// Reads a form body (URL-encoded or multipart) and checks its CSRF token against the session's.
    ///
    /// - Throws: ``Refusal`` 403 when the token is missing or wrong, 413 when the body is too large.
    func form(_ request: Request, _ context: WebContext) async throws -> MultipartBody {
        var request = request
        let limit = configuration.maxUploadBytes + 1024 * 1024
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Refusal(status: .contentTooLarge, message: Words(context.language).t(
                "Nội dung gửi lên vượt quá \(limit / 1024 / 1024) MB.", "The request is larger than \(limit / 1024 / 1024) MB."))
        }
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        var body: MultipartBody
        if let boundary = MultipartBody.boundary(of: contentType) {
            guard let parsed = MultipartBody(bytes: bytes, boundary: boundary) else {
                throw Refusal(status: .badRequest, message: "malformed multipart/form-data body")
            }
            body = parsed
        } else {
            body = MultipartBody(fields: FormFields(urlEncoded: String(decoding: bytes, as: UTF8.self)), files: [])
        }
        guard let session = context.session, Tokens.same(body.fields["csrf"] ?? "", session.csrfToken) else {
            throw Refusal(status: .forbidden, message: Words(context.language).t(
                "Mã chống giả mạo (CSRF) thiếu hoặc sai: hãy tải lại trang rồi gửi lại.",
                "The CSRF token is missing or wrong: reload the page and send the form again."))
        }
        return body
    }

    /// The hidden CSRF field of a form.
    func csrfField(_ context: WebContext) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(context.session?.csrfToken ?? ""))\">"
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
        throw Refusal(status: .conflict, message: "no criteria are known yet: no run has been recorded; start "
            + "'ictindex serve --framework Criteria/FILE.yaml' so forms and runs have criteria")
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
