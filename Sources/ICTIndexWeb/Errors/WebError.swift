import Foundation
public import HTTPTypes
public import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import ICTIndexWebForms
import Logging

/// A request the web application refuses or cannot serve, with its HTTP status and what to tell the user.
///
/// Every route throws this (or a storage or validation error, which ``ErrorPageMiddleware`` maps to one); the
/// middleware turns it into the one error page, in the page's language.
///
/// For example:
/// ```swift
/// throw WebError(.notFound, vi: "Không có tệp này.", en: "There is no such file.")
/// ```
public struct WebError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status of the page.
    public var status: HTTPResponse.Status
    /// What to tell the user, in Vietnamese and English.
    var vi: String
    var en: String
    /// Details for the department's admins and the server's log only (a database path, a hint about the
    /// code); agencies and leaders never see them.
    var detail: String?
    public var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, vi: String, en: String, detail: String? = nil) {
        self.status = status
        self.vi = vi
        self.en = en
        self.detail = detail
    }

    /// The message in a language.
    func message(_ language: Language) -> String { language == .en ? en : vi }

    public var description: String { "\(status.code) \(en)" + (detail.map { " (\($0))" } ?? "") }

    /// A page without the layout, for when the error is not handled by ``ErrorPageMiddleware``.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Page.html(
            "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>\(status.code)</title><p>\(vi)</p><p>\(en)</p>",
            status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    // MARK: - Common refusals

    static func signInNeeded() -> WebError {
        WebError(.unauthorized, vi: "Hãy đăng nhập (/login).", en: "Please sign in (/login).")
    }

    static func role(_ role: WebUser.Role) -> WebError {
        WebError(
            .forbidden, vi: "Vai trò '\(role.rawValue)' không được làm việc này.",
            en: "The role '\(role.rawValue)' may not do this.")
    }

    static func csrf() -> WebError {
        WebError(
            .forbidden, vi: "Mã chống giả mạo (CSRF) thiếu hoặc sai: hãy tải lại trang rồi gửi lại.",
            en: "The CSRF token is missing or wrong: reload the page and send the form again.")
    }

    /// A refusal of a body that breaks the limits of its route.
    static func body(_ failure: FormBodyError) -> WebError {
        switch failure.code {
        case .tooLarge:
            let megabytes = NumberFormatting.plain(Double(failure.limit) / 1024 / 1024)
            return WebError(
                .contentTooLarge, vi: "Nội dung gửi lên vượt quá \(megabytes) MB.",
                en: "The request is larger than \(megabytes) MB.")
        case .tooManyFields:
            return WebError(
                .contentTooLarge, vi: "Biểu mẫu có hơn \(failure.limit) trường.",
                en: "The form has more than \(failure.limit) fields.")
        case .badBoundary, .malformed:
            return WebError(
                .badRequest, vi: "Nội dung biểu mẫu không hợp lệ: \(failure).",
                en: "The form's content is malformed: \(failure).")
        }
    }

    /// The error a storage, validation or other failure is shown as.
    static func from(_ error: any Error) -> WebError {
        switch error {
        case let web as WebError:
            return web
        case let failure as StorageError:
            switch failure.code {
            case .frozen:
                return WebError(
                    .conflict, vi: "Kỳ đánh giá đã công bố nên không thể sửa.",
                    en: "The period is published and cannot be changed.", detail: failure.description)
            case .conflict:
                return WebError(
                    .conflict, vi: "Không thực hiện được: \(failure.message.vi).",
                    en: "Not possible: \(failure.message.en).",
                    detail: failure.description)
            case .notFound:
                return WebError(
                    .notFound, vi: "Không tìm thấy: \(failure.message.vi).",
                    en: "Not found: \(failure.message.en).",
                    detail: failure.description)
            case .busy:
                return WebError(
                    .serviceUnavailable, vi: "Cơ sở dữ liệu đang bận; hãy thử lại sau ít phút.",
                    en: "The database is busy; try again in a few minutes.", detail: failure.description)
            default:
                return internalError(failure.description)
            }
        case let failure as ValidationFailure:
            return WebError(
                .unprocessableContent, vi: "Dữ liệu không hợp lệ.", en: "The data is not valid.",
                detail: failure.description)
        case let failure as RunRescoring.Failure:
            return WebError(
                .conflict,
                vi: "Lần chấm nháp không còn khớp số liệu hiện tại: hãy chấm lại kỳ này rồi thử lại.",
                en:
                    "The draft run no longer matches the current values: score the period again, then retry.",
                detail: failure.description)
        case let http as HTTPError where http.status == .notFound:
            return WebError(.notFound, vi: "Không có trang này.", en: "There is no such page.")
        case let http as any HTTPResponseError:
            return WebError(http.status, vi: "Lỗi \(http.status.code).", en: "Error \(http.status.code).")
        default:
            return internalError("\(error)")
        }
    }

    static func internalError(_ detail: String) -> WebError {
        WebError(
            .internalServerError, vi: "Lỗi máy chủ; đã ghi vào nhật ký máy chủ.",
            en: "Server error; it has been written to the server's log.", detail: detail)
    }
}

/// Turns every error a route throws into the one error page: its status, a title, and the message in the
/// page's language. Details (database paths, hints) are shown to admins only, and every server error is logged.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = WebError.from(error)
            if failure.status.kind == .serverError {
                context.logger.error("\(request.method) \(request.uri.path): \(error)")
            }
            var response = Self.page(failure, context)
            response.headers.append(contentsOf: failure.headers)
            return response
        }
    }

    static func page(_ failure: WebError, _ context: WebContext) -> Response {
        let w = context.language
        let title: String
        switch failure.status {
        case .unauthorized: title = w.say(vi: "Chưa đăng nhập", en: "Not signed in")
        case .forbidden: title = w.say(vi: "Không được phép", en: "Forbidden")
        case .notFound: title = w.say(vi: "Không tìm thấy", en: "Not found")
        case .conflict: title = w.say(vi: "Không thực hiện được", en: "Not possible")
        case .tooManyRequests: title = w.say(vi: "Quá nhiều lần thử", en: "Too many attempts")
        case .contentTooLarge: title = w.say(vi: "Nội dung quá lớn", en: "Request too large")
        default: title = w.say(vi: "Lỗi", en: "Error") + " \(failure.status.code)"
        }
        // The message's lines, each escaped.
        let lines = failure.message(context.language).split(separator: "\n", omittingEmptySubsequences: false)
        var body: HTML = "<p class=\"errors\">\(lines.map { HTML(text: $0) }.joined(separator: "<br>"))</p>"
        if context.user?.role == .admin, let detail = failure.detail {
            body += "<pre class=\"explain\">\(detail)</pre>"
        }
        return Page(title: title, body: body, context: context, status: failure.status).response()
    }
}
