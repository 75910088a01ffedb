import Foundation
import HTTPTypes
import Hummingbird
import ICTIndexCore
import ICTIndexStorage

/// Reads the session cookie (and the language) of every request into the context.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let app: WebApp

    static let cookieName = "ictindex_session"

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        // Behind the department's reverse proxy every request comes from the proxy: the client is the last
        // address the proxy added to X-Forwarded-For (earlier ones are whatever the client sent).
        if app.configuration.trustedProxies.contains(context.address),
            let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",")
                .last?
                .trimmingCharacters(in: .whitespaces), !forwarded.isEmpty
        {
            context.address = forwarded
        }
        context.acceptsGzip = Gzip.accepted(by: request.headers[.acceptEncoding])
        context.pagePath = request.uri.description
        let asked = request.query("lang").flatMap(Language.init(rawValue:))
        if let asked {
            context.language = asked
        } else if let cookie = request.cookies["lang"]?.value, let language = Language(rawValue: cookie) {
            context.language = language
        }
        if let token = request.cookies[Self.cookieName]?.value, token.utf8.count == 64 {
            let now = Date().ISO8601Format()
            context.session = try? app.database.session(tokenHash: Tokens.hash(token), now: now)
        }
        var response = try await next(request, context)
        if let asked {
            response.setCookie(
                Cookie(
                    name: "lang", value: asked.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                    secure: app.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }
}

extension Request {
    /// A query parameter, percent-decoded by Hummingbird; `+` is a space, as browsers send GET forms.
    func query(_ name: String) -> String? {
        uri.queryParameters[name[...]].map { $0.replacingOccurrences(of: "+", with: " ") }
    }
}
