import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splitting a loop between the machine's cores, for the few loops large enough to pay for a thread.
///
/// The work is cut into consecutive ranges, one per core at most and none shorter than a minimum, so a small
/// file or a small run stays on one thread and costs nothing. Callers write their results into disjoint places
/// (one range each) and combine them afterwards in range order, so what they produce does not depend on which
/// thread finished first.
package enum Parallel {
    /// The cores this process may use (at least 1).
    package static let cores: Int = {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, online > 0 ? Int(online) : 1)
    }()

    /// `0..<count` cut into consecutive ranges: one per core at most, each at least `minimum` long (one range
    /// when `count` is below twice that).
    package static func ranges(_ count: Int, minimum: Int, cores: Int = Parallel.cores) -> [Range<Int>] {
        let pieces = max(1, min(cores, count / max(1, minimum)))
        return (0..<pieces).map { p in (count * p / pieces)..<(count * (p + 1) / pieces) }
    }

    /// Calls `body` once for each of `ranges` (with the range's index), concurrently when there are several;
    /// returns when all are done.
    ///
    /// `body` is not required to be `Sendable`: the callers read shared values that nothing changes meanwhile and
    /// write through pointers to disjoint places, one range each, which the compiler cannot see.
    package static func forEach(_ ranges: [Range<Int>], _ body: (Int, Range<Int>) -> Void) {
        if ranges.count == 1 {
            body(0, ranges[0])
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { p in shared.value(p, ranges[p]) }
        }
    }
}

/// A value handed to other threads by ``Parallel/forEach(_:_:)``, whose callers make the sharing safe.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
