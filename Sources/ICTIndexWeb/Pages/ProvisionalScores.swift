import Foundation
import ICTIndexCore
import ICTIndexStorage
import OrderedCollections
import Synchronization

/// The provisional scores of the agencies' form pages: a unit's own self-assessed values scored among every
/// unit's self-assessed values of the period, as `ictindex run` would score them.
///
/// Scoring a period is the heaviest thing a page does (about 25 ms of CPU for 3,300 units), and while many
/// agencies save at once every one of them reloads its page. So:
/// - the other units' values are read at most every `peerValuesMaxAge` seconds (a unit's own values are
///   always the ones just read for its page);
/// - one scoring of a period runs at a time; requests that arrive meanwhile wait and are then answered
///   together by the next one, each with its own values in it: exact for each unit's own values, and the
///   peers only fresher. However many agencies reload, a period's scorings take at most one core, and saves,
///   rankings and every other page are served beside them.
final class ProvisionalScores: Sendable {
    private struct Request {
        var unit: ICTIndexCore.Unit
        var own: [VariableID: Dataset.Entry]
        var continuation: CheckedContinuation<UnitResult?, any Error>
    }

    /// A period and the criteria it is scored with.
    private struct Key: Hashable {
        var period: String
        var framework: String
    }

    private let database: IndexDatabase
    private let peerValuesMaxAge: Double
    /// Requests waiting per period, and the periods whose batches are being worked through.
    private let queue = Mutex<(waiting: [Key: [Request]], working: Set<Key>)>(([:], []))
    /// Every unit's self-assessed values by period, and when they were read from the database.
    private let peers = Mutex<[String: (read: Date, dataset: Dataset)]>([:])
    /// How many scorings answered how many requests (for tests and figures).
    let counts = Mutex((scorings: 0, answered: 0))

    init(database: IndexDatabase, peerValuesMaxAge: Double) {
        self.database = database
        self.peerValuesMaxAge = peerValuesMaxAge
    }

    /// A unit's provisional result, or nil when it is not scored (no values).
    ///
    /// - Parameter own: the unit's self-assessed values, as just read from the database.
    func result(
        of unit: ICTIndexCore.Unit, own: [VariableID: Dataset.Entry], period: String, framework: Framework
    ) async throws -> UnitResult? {
        let key = Key(period: period, framework: "\(framework.id) \(framework.edition ?? "")")
        return try await withCheckedThrowingContinuation { continuation in
            let start = queue.withLock { queue -> Bool in
                queue.waiting[key, default: []].append(Request(unit: unit, own: own, continuation: continuation))
                return queue.working.insert(key).inserted
            }
            if start { Task { await self.work(key, framework: framework) } }
        }
    }

    /// Answers the period's waiting requests, batch after batch, until none is left.
    private func work(_ key: Key, framework: Framework) async {
        while true {
            let batch = queue.withLock { queue -> [Request] in
                let batch = queue.waiting.removeValue(forKey: key) ?? []
                if batch.isEmpty { queue.working.remove(key) }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let board = try score(batch, period: key.period, framework: framework)
                for request in batch { request.continuation.resume(returning: board.result(for: request.unit.code)) }
            } catch {
                for request in batch { request.continuation.resume(throwing: error) }
            }
        }
    }

    /// One scoring of the period with every request's own values in it (a later request of the same unit wins).
    private func score(_ batch: [Request], period: String, framework: Framework) throws -> Scoreboard {
        let now = Date()
        var dataset: Dataset
        var read = now
        if let cached = peers.withLock({ $0[period] }), now.timeIntervalSince(cached.read) < peerValuesMaxAge {
            dataset = cached.dataset
            read = cached.read
        } else {
            dataset = try database.dataset(forPeriod: period, sources: [.selfAssessed]).dataset
        }
        for request in batch {
            let code = request.unit.code
            if dataset.units[code] == nil { dataset.add(request.unit) }
            for variable in dataset.variableIDs.keys where request.own[variable] == nil { dataset[code, variable] = nil }
            for (variable, entry) in request.own { dataset[code, variable] = entry }
        }
        // The fresher values stay for the next batches; the time is still when the rest were read.
        peers.withLock { $0[period] = (read, dataset) }
        let board = try Engine(framework: framework).score(dataset)
        counts.withLock {
            $0.scorings += 1
            $0.answered += batch.count
        }
        return board
    }
}
