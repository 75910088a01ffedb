import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A bare TCP client for requests no HTTP client would send: a head alone, a body sent slowly, a huge boundary.
enum RawHTTP {
  /// Connects to 127.0.0.1:port, sends `head`, then `body` (unless nil), and reads until the server closes the
  /// connection, `until` is found in the answer, or `timeout` seconds pass without data.
  ///
  /// - Returns: what the server sent, and whether it closed the connection.
  static func exchange(
    port: Int, head: String, body: [UInt8]? = nil, until marker: String? = nil, timeout: Int = 15
  ) throws -> (answer: String, closed: Bool) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestFailure("socket: \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw TestFailure("connect: \(errno)") }
    var wait = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    send(fd, Array(head.utf8), Array(head.utf8).count)
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    // The body in chunks of 64 KB, stopping as soon as the server answers (it need not read the rest).
    if let body {
      var offset = 0
      while offset < body.count {
        let end = min(body.count, offset + 65536)
        if !send(fd, Array(body[offset..<end]), end - offset) { break }
        offset = end
        let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        if n > 0 {
          answer += buffer[0..<n]
          break
        }
      }
    }
    while marker.map({ !String(decoding: answer, as: UTF8.self).contains($0) }) ?? true {
      let n = recv(fd, &buffer, buffer.count, 0)
      if n == 0 { return (String(decoding: answer, as: UTF8.self), true) }
      // A reset (the server closed while data was still coming) is a close; a timeout is not.
      if n < 0 {
        return (String(decoding: answer, as: UTF8.self), errno != EAGAIN && errno != EWOULDBLOCK)
      }
      answer += buffer[0..<n]
      if let marker, String(decoding: answer, as: UTF8.self).contains(marker) {
        return (String(decoding: answer, as: UTF8.self), false)
      }
    }
    return (String(decoding: answer, as: UTF8.self), false)
  }

  /// Sends all bytes, ignoring a connection the server has already closed (no SIGPIPE).
  @discardableResult
  static func send(_ fd: Int32, _ bytes: [UInt8], _ count: Int) -> Bool {
    var sent = 0
    while sent < count {
      let n = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL))
      }
      if n <= 0 { return false }
      sent += n
    }
    return true
  }

  /// The status code of an answer (`HTTP/1.1 401 …`), or nil.
  static func status(_ answer: String) -> Int? {
    let parts = answer.split(separator: " ", maxSplits: 2)
    return parts.count >= 2 ? Int(parts[1]) : nil
  }
}

extension RawHTTP {
  /// Runs a blocking exchange on its own thread: the server under test shares this process's cooperative
  /// threads (two on a two-core machine), which blocking sockets must not hold.
  static func onThread(
    port: Int, head: String, body: [UInt8]? = nil, until marker: String? = nil, timeout: Int = 15
  ) async throws -> (answer: String, closed: Bool) {
    try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(
          with: Result {
            try exchange(port: port, head: head, body: body, until: marker, timeout: timeout)
          })
      }.start()
    }
  }
}
