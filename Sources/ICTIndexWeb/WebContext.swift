public import Hummingbird
import ICTIndexCore
import ICTIndexStorage
import NIOCore

/// The request context of the web application: the signed-in session (if any), the page language and the
/// client's address.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address ("local" when unknown, as in router tests); behind a trusted proxy, the address
    /// the proxy received the request from (``SessionMiddleware``).
    public internal(set) var address: String
    /// Set by ``SessionMiddleware`` when the request carries a valid session cookie.
    var session: WebSession?
    /// Set by ``SessionMiddleware`` from `?lang=` or the `lang` cookie; Vietnamese by default.
    var language: Language = .vi
    /// The path and query of the request, for links back to the page (set by ``SessionMiddleware``).
    var pagePath = "/"
    /// Whether the client accepts gzip (its `Accept-Encoding`); pages are then compressed.
    var acceptsGzip = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// The signed-in user.
    var user: WebUser? { session?.user }
}
