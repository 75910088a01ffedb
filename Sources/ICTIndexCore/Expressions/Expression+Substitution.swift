import Localization

extension Expression {
    /// The expression with every variable replaced by a text, for explanations:
    /// `computers / staff` with 34 and 40 gives `34 / 40`.
    ///
    /// - Parameter text: the text of a variable's value ("34", or "?" when missing).
    public func substituting(_ text: (VariableID) -> String) -> String {
        var result = ""
        var characters = Array(source)
        var position = 0  // 0-based index into `characters`
        for reference in variableReferences {
            let start = reference.column - 1
            let length = reference.id.rawValue.count
            guard start >= position, start + length <= characters.count else { continue }
            result += String(characters[position..<start])
            result += text(reference.id)
            position = start + length
        }
        result += String(characters[position...])
        characters.removeAll()
        return result
    }
}
