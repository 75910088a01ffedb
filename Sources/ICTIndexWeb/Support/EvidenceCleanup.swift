import Foundation
import ICTIndexStorage
import Logging
import ServiceLifecycle

/// Deletes, every `cleanupInterval` seconds, the evidence files that no value refers to and that are older than
/// `cleanupGrace`; each deletion is in the audit log and each round that deletes something in the server's log.
struct EvidenceCleanup: Service {
    let app: WebApp
    let logger: Logger

    func run() async throws {
        let interval = Duration.seconds(app.configuration.cleanupInterval)
        while !Task.isCancelled {
            cleanUp()
            do {
                try await Task.sleep(for: interval)
            } catch {
                return  // the server is stopping
            }
        }
    }

    /// One round of clean-up.
    func cleanUp() {
        let before = Date().addingTimeInterval(-Double(app.configuration.cleanupGrace)).ISO8601Format()
        do {
            let removed = try app.database.removeUnreferencedEvidence(
                before: before, who: "ictindex serve")
            if removed.files > 0 {
                logger.info(
                    "evidence clean-up: removed \(removed.files) files (\(removed.bytes) bytes) no value refers to"
                )
            }
        } catch {
            logger.error("evidence clean-up failed: \(error)")
        }
    }
}
