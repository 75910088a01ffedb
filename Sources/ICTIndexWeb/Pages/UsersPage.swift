import Hummingbird
import ICTIndexCore
import ICTIndexStorage

extension WebApp {
    /// `/admin/users`: every account with a form to change it, and a form to add one.
    func usersPage(_ context: WebContext, message: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let w = context.language
        var html = message.map { "<p class=\"notice\">\($0)</p>" as HTML } ?? .empty
        html += """
            <table><thead><tr><th>\(w.say(vi: "Tên", en: "Name"))</th><th>\(w.say(vi: "Vai trò", en: "Role"))</th><th>\(w.unit)</th>\
            <th>\(w.say(vi: "Hoạt động", en: "Active"))</th><th>\(w.say(vi: "Đổi", en: "Change"))</th></tr></thead><tbody>
            """
        func roles(_ selected: WebUser.Role?) -> HTML {
            WebUser.Role.allCases.map {
                "<option value=\"\($0.rawValue)\"\(" selected", if: $0 == selected)>\(w.role($0))</option>" as HTML
            }.joined()
        }
        for u in try database.users() {
            html += """
                <tr><td>\(u.name)</td><td>\(w.role(u.role))</td><td>\(u.unit?.rawValue ?? "")</td><td>\(u.active ? "✓" : "—")</td><td>\
                <form method="post" action="/admin/users/\(u.id)" class="filters">\(csrfField(context))<select name="role">\(roles(u.role))</select>\
                <input type="text" name="unit" value="\(u.unit?.rawValue ?? "")" placeholder="\(w.unit)" style="max-width:8em">\
                <label><input type="checkbox" name="active" value="1"\(" checked", if: u.active)> \(w.say(vi: "hoạt động", en: "active"))</label>\
                <input type="password" name="password" placeholder="\(w.say(vi: "mật khẩu mới", en: "new password"))" style="max-width:10em" autocomplete="new-password">\
                <button type="submit">\(w.save)</button></form></td></tr>
                """
        }
        html += """
            </tbody></table><h2>\(w.say(vi: "Thêm người dùng", en: "Add a user"))</h2>\
            <form method="post" action="/admin/users" class="filters">\(csrfField(context))\
            <label>\(w.say(vi: "Tên", en: "Name"))<br><input type="text" name="name" required></label>\
            <label>\(w.say(vi: "Vai trò", en: "Role"))<br><select name="role">\(roles(nil))</select></label>\
            <label>\(w.unit)<br><input type="text" name="unit" style="max-width:8em"></label>\
            <label>\(w.say(vi: "Mật khẩu", en: "Password"))<br><input type="password" name="password" required autocomplete="new-password"></label>\
            <button type="submit">\(w.say(vi: "Thêm", en: "Add"))</button></form>
            """
        return Page(title: w.users, body: html, context: context, path: "/admin/users", status: status).response()
    }
}
