import GRDB
import ICTIndexCore

extension IndexDatabase {
    /// Keeps a criteria file's text by its SHA-256 (once), so that a self-assessment template made from it can
    /// be read back years later, whatever file is on disk then.
    ///
    /// - Parameter framework: the criteria file's identity and text.
    public func saveFramework(_ framework: FrameworkSource) throws(StorageError) {
        let at = clock()
        try write(
            Words(
                vi: "lưu bộ tiêu chí \(framework.id) (sha256 \(framework.sha256.prefix(12)))",
                en: "keeping the criteria \(framework.id) (sha256 \(framework.sha256.prefix(12)))")
        ) { db in
            guard try FrameworkRecord.fetchOne(db, key: framework.sha256) == nil else { return }
            try FrameworkRecord(
                sha256: framework.sha256, frameworkID: framework.id, edition: framework.edition, yaml: framework.yaml,
                firstUsed: at
            ).insert(db)
        }
    }

    /// A criteria file kept in the database, by its SHA-256.
    public func framework(sha256: String) throws(StorageError) -> FrameworkSource? {
        try read(
            Words(
                vi: "đọc bộ tiêu chí có sha256 \(sha256.prefix(12))",
                en: "reading the criteria with sha256 \(sha256.prefix(12))")
        ) { db in
            try FrameworkRecord.fetchOne(db, key: sha256).map {
                FrameworkSource(id: $0.frameworkID, edition: $0.edition, yaml: $0.yaml, sha256: $0.sha256)
            }
        }
    }
}
