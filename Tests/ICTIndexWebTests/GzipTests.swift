import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ICTIndexWeb
import NIOCore
import Testing
import ZIPFoundation

@Suite struct GzipTests {
    /// The content of a gzip file, checked against its CRC-32 and size.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        #expect(Array(bytes.prefix(4)) == [0x1F, 0x8B, 8, 0])
        let deflated = Data(bytes[10..<(bytes.count - 8)])
        var output = Data()
        let crc = try Data.decompress(
            size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: false,
            provider: { position, size in
                deflated.subdata(in: min(Int(position), deflated.count)..<min(Int(position) + size, deflated.count))
            },
            consumer: { output.append($0) })
        func word(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        #expect(word(bytes.count - 8) == UInt32(crc))
        #expect(word(bytes.count - 4) == UInt32(output.count))
        return Array(output)
    }

    @Test("a gzip file holds the bytes given, with their CRC-32 and size")
    func roundTrip() throws {
        var random = SystemRandomNumberGenerator()
        let text = Array((0..<200_000).map { _ in "Sở Nội vụ <td class=\"num\">94.96</td>".utf8.randomElement(using: &random) ?? 0 })
        let compressed = try Gzip.compress(Data(text))
        #expect(compressed.count < text.count)
        #expect(try Self.gunzip(compressed) == text)
        #expect(try Self.gunzip(Gzip.compress(Data())) == [])
    }

    @Test("Accept-Encoding: gzip and * are accepted, q=0 refuses, other codings are not gzip", arguments: [
        ("gzip, deflate, br", true), ("br;q=1.0, gzip;q=0.8", true), ("*", true), ("GZIP", true),
        ("gzip;q=0", false), ("deflate, br", false), ("", false), ("x-gzip2", false),
    ])
    func accepted(header: String, expected: Bool) {
        #expect(Gzip.accepted(by: header) == expected)
    }

    @Test("a large page is sent compressed to a client that accepts gzip, and is the same page")
    func rankingPage() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let plain = try await leader.get(client, "/ranking?period=2025")
            #expect(plain.headers[.contentEncoding] == nil)
            let zipped = try await client.execute(
                uri: "/ranking?period=2025", method: .get,
                headers: [.cookie: leader.cookie, .acceptEncoding: "gzip, deflate"]) { $0 }
            #expect(zipped.headers[.contentEncoding] == "gzip")
            let bytes = Array(zipped.body.readableBytesView)
            #expect(bytes.count * 4 < plain.body.readableBytes)
            #expect(try Self.gunzip(bytes) == Array(plain.body.readableBytesView))
            // A small answer is not worth compressing (every page carries the 4 KB style sheet, so the sign-in
            // page is compressed too, and is the same page).
            let small = Page.html("<p>Không có đơn vị nào.</p>", gzip: true)
            #expect(small.headers[.contentEncoding] == nil)
            let login = try await client.execute(uri: "/login", method: .get, headers: [.acceptEncoding: "gzip"]) { $0 }
            let loginPlain = try await client.execute(uri: "/login", method: .get) { $0 }
            #expect(login.headers[.contentEncoding] == "gzip")
            let text = try Self.gunzip(Array(login.body.readableBytesView))
            #expect(String(decoding: text, as: UTF8.self).contains("<style>"))
            #expect(loginPlain.headers[.contentEncoding] == nil)
        }
    }
}
