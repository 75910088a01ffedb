import Foundation

extension String {
    /// Decodes the `_xHHHH_` escapes that Office uses for control characters in strings (ECMA-376 ST_Xstring).
    var decodingOfficeEscapes: String {
        guard contains("_x") else { return self }
        var result = ""
        var rest = self[...]
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let afterX = rest[start.upperBound...]
            let hex = afterX.prefix(4)
            if hex.count == 4, afterX.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = afterX.dropFirst(5)
            } else {
                result += "_x"
                rest = afterX
            }
        }
        return result + rest
    }
}
