public import struct Foundation.URL

/// Options for ``XLSXWriter/write(_:to:options:)``.
public struct WriteOptions: Hashable, Sendable {
    /// Whether libxlsxwriter flushes each row to a temporary file as soon as the next row starts.
    ///
    /// Memory then stays constant however many rows a sheet has, which suits sheets with hundreds of thousands of
    /// cells. Strings are stored inline instead of in the shared-strings table; the cells and their values are
    /// the same.
    public var constantMemory: Bool
    /// The directory for libxlsxwriter's own temporary files, or `nil` for the system's (`tmpfile()`).
    public var temporaryDirectory: URL?

    /// Creates write options.
    ///
    /// - Parameters:
    ///   - constantMemory: Whether to flush rows as they are written.
    ///   - temporaryDirectory: The directory for libxlsxwriter's temporary files.
    public init(constantMemory: Bool = false, temporaryDirectory: URL? = nil) {
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory
    }
}
