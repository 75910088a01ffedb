import Foundation

/// The folder of an output workbook: created when it is `Reports/` or a folder inside a `Reports/` folder.
///
/// `export --out Reports/2025/province-scoreboard.xlsx` is how a department files its years, so the year folder
/// (and `Reports/` itself) is created when missing. Any other missing folder stays an error that names it (the
/// writer's), so a typo in a path never scatters folders.
enum ReportsFolder {
    /// Creates the missing folders of `path` from its `Reports` component down; does nothing for other paths.
    ///
    /// - Throws: ``RuntimeFailure`` (exit 1) when a folder cannot be created.
    static func prepare(forOutput path: String) throws {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let components = folder.pathComponents
        guard let reports = components.lastIndex(of: "Reports"), reports > 0 else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) { return }
        // The folder that holds `Reports/` must exist: only the Reports part of the path is created.
        let base = NSString.path(withComponents: Array(components[..<reports]))
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else {
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RuntimeFailure(
                vi: "\(folder.path): không tạo được thư mục: \(error.localizedDescription)",
                en: "\(folder.path): cannot create the folder: \(error.localizedDescription)")
        }
    }
}
