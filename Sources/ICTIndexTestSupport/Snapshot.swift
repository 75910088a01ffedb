import Foundation

/// A golden-file mismatch or a newly recorded snapshot (which fails the test, so it is reviewed).
public struct SnapshotFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Compares text with `Tests/<Target>/Snapshots/<name>.txt` beside the calling test file.
///
/// Records the snapshot when it is missing or when `RECORD_SNAPSHOTS=1`, and then fails, so
/// that a recording is always looked at before it is trusted (argument-parser `assertSnapshot`).
public func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath) throws {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    if !record, let data = FileManager.default.contents(atPath: url.path) {
        let expected = String(decoding: data, as: UTF8.self)
        guard expected == text else {
            throw SnapshotFailure(
                description: "snapshot \(name) differs from \(url.path)\n--- expected\n\(expected)\n--- actual\n\(text)")
        }
        return
    }
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    throw SnapshotFailure(description: "recorded snapshot \(url.path); check it and run the tests again")
}
