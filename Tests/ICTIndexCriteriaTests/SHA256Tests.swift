import Foundation
import ICTIndexCriteria
import Testing

/// FIPS 180-4 example vectors (NIST "SHA256.pdf", "SHA256_2.pdf") and the million-'a' vector.
@Suite struct SHA256Tests {
    @Test(
        "FIPS 180-4 vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                    + "mnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test("one million 'a' (several blocks)")
    func million() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("lengths around the padding boundary (55, 56, 64 bytes) differ and are 64 hex digits")
    func padding() {
        let digests = [55, 56, 63, 64, 65].map { SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == 5)
        #expect(digests.allSatisfy { $0.count == 64 })
        // sha256sum of 56 × 'a'
        #expect(digests[1] == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }

    @Test("the loader fingerprints the criteria file's bytes, as sha256sum does")
    func loaderHash() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("province-agencies.yaml")
        let bytes = try Data(contentsOf: url)
        let loaded = try FrameworkLoader().load(path: url.path)
        #expect(loaded.sha256 == SHA256.hexDigest(of: bytes))
        #expect(loaded.sha256.count == 64)
        let fromText = try FrameworkLoader().load(yaml: String(decoding: bytes, as: UTF8.self), file: "x.yaml")
        #expect(fromText.sha256 == loaded.sha256)
    }
}
