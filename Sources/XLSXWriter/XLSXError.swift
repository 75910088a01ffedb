/// A failure to write a workbook: what failed, and where (file, sheet, cell).
///
/// The ``description`` reads like a compiler message (shown here on two lines), for example:
///
///     Reports/x.xlsx: sheet 'Tổng hợp', cell C5: worksheet_write_string failed:
///     String exceeds Excel's limit of 32,767 characters.
///
/// Compare ``code`` with the static members of ``Code`` to react to a kind of failure; more codes may be added.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure.
    ///
    /// Opaque, so that new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String

        /// The code's name, such as "invalidSheetName".
        public var description: String { rawValue }

        /// The output directory does not exist, or is not a directory.
        public static let outputDirectoryMissing = Code(rawValue: "outputDirectoryMissing")
        /// The output directory, or the temporary directory, cannot be written to.
        public static let outputNotWritable = Code(rawValue: "outputNotWritable")
        /// The finished file could not be moved over the target.
        public static let replaceFailed = Code(rawValue: "replaceFailed")
        /// A sheet name is empty, contains `[ ] : * ? / \`, or starts or ends with an apostrophe.
        public static let invalidSheetName = Code(rawValue: "invalidSheetName")
        /// Two sheets have the same name (ignoring case), possibly after truncation to 31 characters.
        public static let duplicateSheetName = Code(rawValue: "duplicateSheetName")
        /// A row or column lies outside Excel's 1,048,576 × 16,384 grid.
        public static let outOfRange = Code(rawValue: "outOfRange")
        /// A value was rejected before writing: a non-finite number, overlapping merges, an unknown sheet, and so on.
        public static let invalidValue = Code(rawValue: "invalidValue")
        /// libxlsxwriter rejected a call; the message quotes its reason (`lxw_strerror`).
        public static let libraryError = Code(rawValue: "libraryError")
    }

    /// The kind of failure.
    public let code: Code
    /// The path of the workbook being written, as given.
    public let path: String
    /// The sheet concerned, or `nil` for the workbook as a whole.
    public let sheetName: String?
    /// The cell, range or object concerned (such as "cell C5", "range A1:C3", "chart 2"), or `nil`.
    public let location: String?
    /// What failed.
    ///
    /// For example, "worksheet_write_string failed: String exceeds Excel's limit of 32,767 characters."
    public let message: String
    /// What to do about it, or `nil`.
    public let hint: String?

    init(
        _ code: Code, path: String, sheetName: String? = nil, location: String? = nil, message: String,
        hint: String? = nil
    ) {
        self.code = code
        self.path = path
        self.sheetName = sheetName
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The message: "PATH: sheet 'NAME', LOCATION: MESSAGE", plus a hint line when there is one.
    public var description: String {
        var place = [String]()
        if let sheetName { place.append("sheet '\(sheetName)'") }
        if let location { place.append(location) }
        var text = path + ": "
        if !place.isEmpty { text += place.joined(separator: ", ") + ": " }
        text += message
        if let hint { text += "\n  hint: " + hint }
        return text
    }
}

/// Something the writer changed to make a workbook valid, such as a sheet name cut to 31 characters.
public struct XLSXWarning: Hashable, Sendable, CustomStringConvertible {
    /// The kind of warning.
    ///
    /// Opaque, so that new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String

        /// The code's name, such as "sheetNameTruncated".
        public var description: String { rawValue }

        /// A sheet name longer than Excel's 31 characters was truncated.
        public static let sheetNameTruncated = Code(rawValue: "sheetNameTruncated")
    }

    /// The kind of warning.
    public let code: Code
    /// The path of the workbook, as given.
    public let path: String
    /// The sheet concerned, by the name it was given.
    public let sheetName: String?
    /// What was changed.
    public let message: String

    /// The message: "PATH: sheet 'NAME': warning: MESSAGE".
    public var description: String {
        var text = path + ": "
        if let sheetName { text += "sheet '\(sheetName)': " }
        return text + "warning: " + message
    }
}
