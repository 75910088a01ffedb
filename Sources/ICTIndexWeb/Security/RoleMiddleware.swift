import Hummingbird
import ICTIndexStorage

/// Lets a request of a route group through only when it is signed in with one of the group's roles; this runs
/// before the route reads any body.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let roles: Set<WebUser.Role>

    init(_ roles: WebUser.Role...) { self.roles = Set(roles) }

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        guard let user = context.user else { throw WebError.signInNeeded() }
        guard roles.contains(user.role) else { throw WebError.role(user.role) }
        return try await next(request, context)
    }
}
