import Crypto

/// SHA-256 (FIPS 180-4) of a byte sequence: the criteria file's fingerprint, and the web application's token
/// and evidence-file digests.
///
/// The digest is swift-crypto's (BoringSSL's on Linux, CryptoKit's on Apple platforms), already in the build
/// through hummingbird-auth. Checked against the FIPS 180-4 example vectors in `SHA256Tests`.
///
/// For example:
/// ```swift
/// SHA256.hexDigest(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public enum SHA256 {
    /// The digest as 64 lowercase hexadecimal digits.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The lowercase hex digest.
    /// - Complexity: O(n).
    public static func hexDigest(of bytes: some Collection<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest(of: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 32-byte digest.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The digest, big-endian as the standard writes it.
    /// - Complexity: O(n).
    public static func digest(of bytes: some Collection<UInt8>) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: Array(bytes)))
    }
}
