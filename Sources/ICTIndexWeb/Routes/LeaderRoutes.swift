import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexCriteria
import OrderedCollections
import ICTIndexService
import ICTIndexStorage
import NIOCore
import XLSXWriter

extension WebApp {
    /// `/ranking` and `/export`, for leaders and admins (the unit pages are in ``addSignedInRoutes(to:)``).
    func addLeaderRoutes(to group: RouterGroup<WebContext>) {
        group.get("/overview") { request, context in try self.overviewPage(request, context) }
        group.get("/map") { request, context in try self.mapPage(request, context) }
        group.get("/ranking") { request, context in try self.rankingPage(request, context) }
        group.get("/export") { request, context in try self.export(request, context) }
    }

    private func export(_ request: Request, _ context: WebContext) throws -> Response {
        guard let period = try self.period(request.query("period")) else { throw Self.noPeriod() }
        // A draft run made before the values changed cannot be exported as it was scored: 409, not a failure.
        let id = try database.currentRun(forPeriod: period)
        let summary = try database.runSummary(id)
        if summary.status == .draft && !summary.isCurrent {
            throw WebError(
                .conflict,
                vi: "Lần chấm nháp \(id) không còn khớp số liệu hiện tại của kỳ \(period): hãy chấm lại kỳ này rồi tải bảng Excel.",
                en: "Draft run \(id) no longer matches the current values of period \(period): score the period again, then download.")
        }
        let workbook = try ScoreboardExport(period: period, language: context.language, engineVersion: configuration.engineVersion)
            .spreadsheet(from: database)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-web-\(Tokens.random().prefix(16))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scoreboard.xlsx")
        try XLSXWriter.write(workbook, to: file)
        let data = try Data(contentsOf: file)
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"ictindex-\(period.filter { $0.isLetter || $0.isNumber || $0 == "-" }).xlsx\""
        headers[.cacheControl] = "no-store, private"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noPeriod() -> WebError {
        WebError(.notFound, vi: "Chưa có kỳ đánh giá nào.", en: "There is no period yet.")
    }
}
