import Localization
/// Text folded for search the way Vietnamese users type without diacritics: "ky son" finds "Kỳ Sơn", "d" finds
/// "đ", case ignored.
public enum SearchFolding {
    /// The text lower-cased, without tone marks or other diacritics, "đ" and "Đ" as "d", and runs of white space
    /// as one space: `fold("Xã Kỳ Sơn")` is `"xa ky son"`, `fold("Đồng  Hới")` is `"dong hoi"`.
    ///
    /// Precomposed Vietnamese letters (NFC, as typed) go through a table; combining marks (NFD, as some systems
    /// store names) are dropped, so both spellings of one name fold alike.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if (0x0300...0x036F).contains(scalar.value) { continue }  // combining diacritical marks
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if let base = base[scalar] {
                out.append(base)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        var folded = String(out)
        if folded.hasSuffix(" ") { folded.removeLast() }
        return folded
    }

    /// Whether `text` contains `query` once both are folded; an empty query matches everything.
    public static func matches(_ text: String, query: String) -> Bool {
        let folded = fold(query)
        return folded.isEmpty || fold(text).contains(folded)
    }

    /// Every Vietnamese letter with a diacritic, upper and lower case, to its plain lower-case letter.
    static let base: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
            ("e", "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"),
            ("i", "ìíỉĩịÌÍỈĨỊ"),
            ("o", "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
            ("u", "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"),
            ("y", "ỳýỷỹỵỲÝỶỸỴ"),
            ("d", "đĐ"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (plain, letters) in groups {
            for letter in letters.unicodeScalars { table[letter] = plain }
        }
        return table
    }()
}
