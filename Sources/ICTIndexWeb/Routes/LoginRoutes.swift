import Foundation
import Hummingbird
import HummingbirdBcrypt
import ICTIndexCore
import ICTIndexStorage
import ICTIndexWebForms

extension WebApp {
    /// `/`, `/login` (GET form, POST sign-in) and `/logout`.
    func addLoginRoutes(to router: Router<WebContext>) {
        router.get("/") { _, context in
            guard let user = context.user else { return Self.redirect("/login") }
            switch user.role {
            case .agency: return Self.redirect("/self")
            case .leader, .admin: return Self.redirect("/overview")
            }
        }
        router.get("/login") { _, context in
            self.loginPage(context, message: nil)
        }
        router.post("/login") { request, context in
            try await self.login(request, context)
        }
        router.post("/logout") { request, context in
            _ = try await self.form(request, context)
            if let session = context.session {
                try self.database.deleteSession(tokenHash: session.tokenHash, who: session.user.name)
            }
            var response = Self.redirect("/login")
            response.setCookie(self.sessionCookie("", maxAge: 0))
            return response
        }
    }

    static let loginCookie = "ictindex_login"

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: value, maxAge: maxAge, path: "/",
            secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The largest sign-in body: a name, a password and the token.
    static let maxLoginBytes = 4 * 1024

    /// The longest user name written to the audit log from a refused sign-in (names have at most 64 characters).
    static let loggedNameLength = 64

    private func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let w = context.language
        // The double-submit cookie before the body: a request without the form's cookie is not read at all.
        guard let cookie = request.cookies[Self.loginCookie]?.value, cookie.utf8.count == 64 else {
            throw WebError(
                .forbidden, vi: "Mã chống giả mạo (CSRF) thiếu hoặc sai: hãy tải lại trang đăng nhập.",
                en: "The CSRF token is missing or wrong: reload the sign-in page.")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maxLoginBytes {
            throw WebError.body(FormBodyError(.tooLarge, limit: Self.maxLoginBytes))
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maxLoginBytes)
        } catch {
            throw WebError.body(FormBodyError(.tooLarge, limit: Self.maxLoginBytes))
        }
        let fields: FormFields
        do throws(FormBodyError) {
            fields = try FormFields(urlEncoded: String(buffer: buffer), maxFields: 8)
        } catch {
            throw WebError.body(error)
        }
        guard Tokens.same(fields["csrf"] ?? "", cookie) else {
            throw WebError(
                .forbidden, vi: "Mã chống giả mạo (CSRF) thiếu hoặc sai: hãy tải lại trang đăng nhập.",
                en: "The CSRF token is missing or wrong: reload the sign-in page.")
        }
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = fields["password"] ?? ""
        // The log keeps a bounded name: a refused sign-in cannot grow the audit log by more than a line.
        let logged = name.count > Self.loggedNameLength ? String(name.prefix(Self.loggedNameLength)) + "…" : name
        var verdict = await limiter.check(name: name, address: context.address)
        if verdict != .allowed, let unlocked = try database.lastUnlock(of: name, withinSeconds: configuration.loginWindow),
            let time = try? Date(unlocked, strategy: .iso8601).timeIntervalSince1970
        {
            // An admin ran 'ictindex user unlock' for this name: failures before it no longer count. The log's times
            // are whole seconds, so the unlock covers the whole second it was recorded in.
            await limiter.unlock(name: name, before: time + 1)
            verdict = await limiter.check(name: name, address: context.address)
        }
        switch verdict {
        case .allowed:
            break
        case .blocked(let firstRefusal):
            // The first refusal of a block is logged; the ones after it are not (they would only fill the log).
            if firstRefusal {
                try database.recordFailedLogin(name: logged, address: context.address, reason: "too many attempts")
            }
            return loginPage(
                context, message: w.say(
                    vi: "Quá nhiều lần đăng nhập sai. Hãy thử lại sau \(configuration.loginWindow / 60) phút.",
                    en: "Too many failed sign-ins. Try again in \(configuration.loginWindow / 60) minutes."),
                status: .tooManyRequests)
        }
        let user = try database.user(named: name)
        // An unknown name costs a bcrypt check at the same cost, so timing does not tell which names exist.
        let valid = Bcrypt.verify(password, hash: user?.passwordHash ?? dummyHash)
        guard let user, valid, user.active else {
            await limiter.recordFailure(name: name, address: context.address)
            try database.recordFailedLogin(name: logged, address: context.address, reason: LoginLimiter.wrongPassword)
            return loginPage(
                context, message: w.say(vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong user name or password."),
                status: .unauthorized)
        }
        await limiter.recordSuccess(name: name, address: context.address)
        let token = Tokens.random()
        let expires = Date().addingTimeInterval(Double(configuration.sessionLifetime)).ISO8601Format()
        try database.createSession(
            tokenHash: Tokens.hash(token), user: user, csrfToken: Tokens.random(), expiresAt: expires,
            from: context.address)
        var response = Self.redirect(user.role == .agency ? "/self" : "/overview")
        response.setCookie(sessionCookie(token, maxAge: configuration.sessionLifetime))
        return response
    }
}
