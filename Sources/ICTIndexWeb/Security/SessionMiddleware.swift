import Foundation
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
        let query = FormFields(urlEncoded: request.uri.query ?? "")
        let asked = query["lang"].flatMap(Language.init(rawValue:))
        if let asked {
            context.language = asked
        } else if let cookie = request.cookies["lang"]?.value, let language = Language(rawValue: cookie) {
            context.language = language
        }
        if let token = request.cookies[Self.cookieName]?.value, token.count == 64 {
            let now = Date().ISO8601Format()
            context.session = try? app.database.session(tokenHash: Tokens.hash(token), now: now)
        }
        var response = try await next(request, context)
        if let asked {
            response.setCookie(
                Cookie(name: "lang", value: asked.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                       secure: app.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
