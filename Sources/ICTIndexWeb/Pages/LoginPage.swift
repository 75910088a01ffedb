import Hummingbird
import ICTIndexCore
import ICTIndexStorage

extension WebApp {
    /// The sign-in form, with a CSRF token that is also set as a cookie (double submit: no session exists yet).
    func loginPage(_ context: WebContext, message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let w = context.language
        let token = Tokens.random()
        let body: HTML = """
            \(message.map { "<p class=\"errors\">\($0)</p>" as HTML } ?? .empty)
            <form method="post" action="/login" class="card" style="max-width:420px">
            <input type="hidden" name="csrf" value="\(token)">
            <p><label for="name">\(w.say(vi: "Tên đăng nhập", en: "User name"))</label><br><input type="text" id="name" name="name" autocomplete="username" required></p>
            <p><label for="password">\(w.say(vi: "Mật khẩu", en: "Password"))</label><br><input type="password" id="password" name="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(w.say(vi: "Đăng nhập", en: "Sign in"))</button></p>
            </form>
            """
        var response = Page(
            title: w.say(vi: "Đăng nhập", en: "Sign in"), body: body, context: context, path: "/login", status: status
        ).response()
        response.setCookie(
            Cookie(
                name: Self.loginCookie, value: token, maxAge: 3600, path: "/login",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
