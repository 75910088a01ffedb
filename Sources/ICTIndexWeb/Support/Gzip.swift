import Foundation
import ZIPFoundation

/// gzip (RFC 1952) for pages: a ranking of 3,300 units is 1.1 MB of HTML, about a tenth of that compressed, which
/// matters to a commune reaching the provincial server over a slow line.
enum Gzip {
    /// Pages smaller than this are sent as they are (compressing them saves little and costs a round of zlib).
    static let threshold = 4096

    /// The gzip file of `bytes`: a header, the DEFLATE stream (zlib, through ZIPFoundation), the CRC-32 and the
    /// size modulo 2³².
    static func compress(_ input: Data) throws -> [UInt8] {
        var output: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]  // deflate, no name, no time, Unix
        output.reserveCapacity(input.count / 6 + 64)
        let crc = try Data.compress(
            size: Int64(input.count), bufferSize: 64 * 1024,
            provider: { position, size in input.subdata(in: Int(position)..<Int(position) + size) },
            consumer: { chunk in output.append(contentsOf: chunk) })
        for value in [UInt32(crc), UInt32(truncatingIfNeeded: input.count)] {
            for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        return output
    }

    /// Whether an `Accept-Encoding` header accepts gzip (`gzip` or `*`, without `q=0`).
    static func accepted(by header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
            let refused = parts.dropFirst().contains { $0.hasPrefix("q=") && (Double($0.dropFirst(2)) ?? 1) == 0 }
            if !refused { return true }
        }
        return false
    }
}
