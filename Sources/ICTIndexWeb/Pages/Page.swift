import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexStorage
import NIOCore

/// One HTML page: the shared layout (inline CSS, no external asset), a navigation bar for the user's role,
/// and the body.
struct Page {
    init(
        title: String, body: HTML, context: WebContext, path: String? = nil, status: HTTPResponse.Status = .ok
    ) {
        self.title = title
        self.body = body
        self.context = context
        self.path = path ?? context.pagePath
        self.status = status
    }

    var title: String
    var body: HTML
    var context: WebContext
    /// The path and query of the page, for the language switch (by default the request's).
    var path: String
    var status: HTTPResponse.Status = .ok

    func response() -> Response {
        Self.html(html(), status: status, gzip: context.acceptsGzip)
    }

    /// The whole page.
    func html() -> HTML {
        let w = context.language
        var nav = HTML.empty
        if let user = context.user {
            let links: [(String, String)]
            switch user.role {
            case .admin:
                links = [
                    ("/overview", w.overview), ("/ranking", w.ranking), ("/map", w.map), ("/admin/submissions", w.submissions),
                    ("/admin/runs", w.runs),
                    ("/admin/audit", w.auditLog), ("/admin/users", w.users),
                ]
            case .leader: links = [("/overview", w.overview), ("/ranking", w.ranking), ("/map", w.map)]
            case .agency: links = [("/self", w.selfAssessment)]
            }
            nav = links.map { "<a href=\"\($0.0)\">\($0.1)</a>" as HTML }.joined(separator: " ")
            nav += """
                 <span class="who">\(user.name) (\(w.role(user.role)))</span>
                <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="\(context.session?.csrfToken ?? "")"><button type="submit" class="link">\(w.logout)</button></form>
                """
        }
        let other = context.language == .vi ? ("en", "English") : ("vi", "Tiếng Việt")
        let languageLink = Self.languageLink(path, language: other.0)
        return """
            <!DOCTYPE html>
            <html lang="\(context.language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — ictindex</title>
            <style>\(Self.css)</style></head>
            <body>
            <header><strong class="brand">ictindex</strong> <nav>\(nav)</nav>
            <a class="lang" href="\(languageLink)">\(other.1)</a></header>
            <main>
            <h1>\(title)</h1>
            \(body)
            </main>
            </body></html>
            """
    }

    /// The link to the same page in another language: always a path on this server (`//host` would be another
    /// host), with the page's query but its `lang`.
    static func languageLink(_ path: String, language: String) -> String {
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var route = String(parts.first ?? "")
        while route.hasPrefix("//") || route.hasPrefix("/\\") { route.removeFirst() }
        if !route.hasPrefix("/") { route = "/" + route }
        var query =
            parts.count > 1 ? parts[1].split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init) : []
        query.append("lang=" + language)
        return route + "?" + query.joined(separator: "&")
    }

    /// An HTML response; gzip-compressed when the client accepts it and the page is not small.
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok, gzip: Bool = false) -> Response {
        let text = page.markup
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        headers[.vary] = "Accept-Encoding, Cookie"
        if gzip, text.utf8.count >= Gzip.threshold, let compressed = try? Gzip.compress(Data(text.utf8)) {
            headers[.contentEncoding] = "gzip"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: compressed)))
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Inline style sheet: readable at 1366×768 and on a phone, and printable (no navigation, no buttons).
    static let css: HTML = """
        *{box-sizing:border-box}body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9;font-size:15px}
        header{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;background:#0b4f8a;color:#fff;padding:.5em 1em}
        header a,header .link{color:#fff;text-decoration:none;margin-right:.8em}header .brand{margin-right:1em}
        header nav{flex:1}header .who{opacity:.85;margin:0 .6em}
        main{max-width:1320px;margin:0 auto;padding:1em}
        h1{font-size:1.4em;margin:.3em 0 .6em}h2{font-size:1.15em;margin:1.2em 0 .4em}
        table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1em}
        th,td{border:1px solid #d5d9de;padding:.3em .45em;text-align:left;vertical-align:top}
        th{background:#e8eef5}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .scroll{overflow-x:auto}.error{color:#a4161a}.errors{background:#fde8e8;border:1px solid #f5b5b5;padding:.5em 1em}
        .notice{background:#e6f4ea;border:1px solid #a8d5b5;padding:.5em 1em}.muted{color:#5f6b7a}
        form.inline{display:inline}button,.button{background:#0b4f8a;color:#fff;border:0;padding:.45em 1em;border-radius:3px;cursor:pointer;font-size:1em}
        button.link{background:none;padding:0;color:inherit}button:disabled{background:#aab3bd;cursor:not-allowed}button.secondary{background:#5f6b7a}
        input,select,textarea{font-size:1em;padding:.3em;border:1px solid #aab3bd;border-radius:3px;max-width:100%}
        input[type=text],input[type=password],textarea{width:100%}
        .field{background:#fff;border:1px solid #d5d9de;padding:.6em;margin-bottom:.6em}fieldset.pillar{border:1px solid #aab3bd;border-radius:3px;margin:0 0 1em;padding:.4em .6em .1em;min-width:0}fieldset.pillar legend{font-weight:700;font-size:1.05em;padding:0 .3em}
        .field label{font-weight:600}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:.4em}
        .filters{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;margin-bottom:.8em}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em}.card{background:#fff;border:1px solid #d5d9de;padding:.8em}
        .band{padding:.05em .4em;border-radius:3px;background:#eef}.up{color:#137333}.down{color:#a4161a}
        pre.explain{white-space:pre-wrap;background:#fff;border:1px solid #d5d9de;padding:.6em;font-size:.9em}
        svg{max-width:100%;height:auto;background:#fff}
        .draft{background:repeating-linear-gradient(135deg,#fff4d6 0 14px,#ffe9a8 14px 28px);border:2px solid #b45309;color:#6b3000;padding:.55em 1em;margin:.2em 0 .8em;font-size:1.05em}
        .bandbar{display:flex;height:2em;border:1px solid #aab3bd;margin:.3em 0;overflow:hidden}.bandbar a,.bandbar span{display:flex;align-items:center;justify-content:center;min-width:1.6em;text-decoration:none;font-weight:600;white-space:nowrap;overflow:hidden}
        .noband{background:#eef1f5;color:#5f6b7a}.legend .band{display:inline-block;margin:0 .3em .3em 0;text-decoration:none}.band{font-weight:600;white-space:nowrap}
        section.overview{margin-bottom:1.6em}h3{font-size:1em;margin:.2em 0 .4em}ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:.15em 0}
        tr.diff td{background:#fff4d6}tr.diff td.changed{background:#ffe08a;font-weight:600}.flag{display:inline-block;background:#fde8e8;color:#a4161a;border:1px solid #f5b5b5;border-radius:3px;padding:0 .3em;font-size:.9em}
        .reason{font-style:italic}.tabs a{margin-right:1em}.tabs a.on{font-weight:700;text-decoration:none;color:inherit}
        .printhead{display:none}label.choice{font-weight:400;margin-right:1em;white-space:nowrap}.map svg{max-width:100%;height:auto}.mapwrap{display:flex;flex-direction:row-reverse;justify-content:flex-end;align-items:flex-start;gap:1em 2em}.map{min-width:0}.mapside{flex:0 1 360px;position:sticky;top:.5em}.mapside .legend .band{display:inline-block}.map a:hover rect,.map a:hover path{stroke:#1b1f24;stroke-width:2}
        @media (max-width:700px){body{font-size:14px}.mapwrap{flex-direction:column}.mapside{position:static;flex:none}main{padding:.5em}th,td{padding:.25em}.ranking .p{display:none}}
        @media print{header,nav,form,button,.lang,.filters,.noprint{display:none!important}body{background:#fff;font-size:11pt}main{max-width:none;padding:0}table{page-break-inside:auto}thead{display:table-header-group}tr{page-break-inside:avoid}.scroll{overflow:visible}.printhead{display:block;margin-bottom:.5em}.draft,.band,.bandbar a{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}
