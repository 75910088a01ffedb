import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// The bounds every request is held to before any route runs: the size of its head (URL and header fields),
/// and how long its head and body may take to arrive.
enum RequestLimits {
    /// The longest URL (path and query) served; longer ones get 414.
    static let maxURLBytes = 4 * 1024

    /// The HTTP/1 server of `ictindex serve`: small header limits, an idle timeout and a read deadline.
    static func http1(_ configuration: WebConfiguration) -> HTTP1Channel.Configuration {
        let deadline = TimeAmount.seconds(Int64(configuration.readTimeout))
        return HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestReadDeadline(timeout: deadline)],
            idleTimeout: .seconds(Int64(configuration.idleTimeout)),
            // A head of at most 16 KB in 100 fields; NIO's own defaults are 80 KB and 1,000.
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))
    }
}

/// Closes a connection whose request has not fully arrived (head and body) within the timeout after its head,
/// so a slow client cannot hold a connection and a handler by sending a byte now and then. (A head that never
/// completes is closed by the server's idle timeout, which starts when the connection opens.)
final class RequestReadDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    private var scheduled: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            scheduled?.cancel()
            let channel = context.channel
            scheduled = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        case .end:
            scheduled?.cancel()
            scheduled = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        scheduled?.cancel()
        scheduled = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        scheduled?.cancel()
        scheduled = nil
        context.fireChannelInactive()
    }
}

@available(*, unavailable)
extension RequestReadDeadline: Sendable {}

/// The request-wide rules: URLs no longer than ``RequestLimits/maxURLBytes``, and the security headers on every response (pages, files, exports and errors alike).
struct ResponseRulesMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var response: Response
        if request.uri.description.utf8.count > RequestLimits.maxURLBytes {
            response = ErrorPageMiddleware.page(
                WebError(.uriTooLong, vi: "Địa chỉ quá dài.", en: "The address is too long."), context)
        } else {
            response = try await next(request, context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'none'; frame-ancestors 'none'; sandbox"
        }
        // Nothing the server sends is for a shared or browser cache: pages name people, files are evidence.
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store, private"
        }
        return response
    }
}
