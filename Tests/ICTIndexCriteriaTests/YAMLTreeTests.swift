import Foundation
import Testing

@testable import ICTIndexCriteria

/// The table built from libyaml's events must be the one built from Yams' `Node` tree, value for value (texts,
/// styles, lines and columns), and every text Yams must judge must go to Yams.
@Suite struct YAMLTreeTests {
    /// Texts the event path composes itself.
    static let composed = [
        "schema: ictindex/v1\nid: x\nname: {vi: \"Tên\", en: 'Name'}\n",
        "a:\n  - 1\n  - [2, 3]\n  - {b: c}\nd:\ne: ~\n",
        "literal: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
        "---\nnames: [\"Hạ tầng\", 'Nhân lực', Ứng dụng]\n...\n",
        "a: &anchor 1\nb: !!str 2\nc: !custom 3\n",
        "schema: ictindex/v1\r\nid: x\r\n",
        "plain scalar at the root\n",
        "- a\n-\n- - b\n  - c\n",
        "'1': a\n1.0: b\ntrue: c\n",
    ]

    @Test("libyaml's events give the table Yams' tree gives", arguments: composed)
    func sameTable(yaml: String) throws {
        // Given a text without alias, repeated key or error
        // When it is composed both ways
        let expected = try #require(try YAMLTree.composedByYams(yaml: yaml, file: "t.yaml"))
        guard case .document(let tree) = YAMLTree.compose(yaml: yaml, file: "t.yaml", maxValues: 1_000) else {
            Issue.record("the event path did not compose \(yaml.debugDescription)")
            return
        }
        // Then both tables are the same
        #expect(tree.entries == expected.entries)
        #expect(tree.entries.count == Int(tree.entries[0].end))
    }

    @Test("every shipped criteria file composes from events to the table Yams gives")
    func shippedFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Criteria")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 4)
        for file in files.sorted() {
            let yaml = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let expected = try #require(try YAMLTree.composedByYams(yaml: yaml, file: file))
            guard case .document(let tree) = YAMLTree.compose(yaml: yaml, file: file, maxValues: 2_000_000) else {
                Issue.record("\(file) was left to Yams")
                continue
            }
            #expect(tree.entries == expected.entries, "\(file)")
            #expect(tree.entries.count > 100, "\(file)")
        }
    }

    /// Texts Yams must compose (and judge): an alias, repeated keys, a key that is a list, two documents, a syntax
    /// error, a scalar starting with a byte-order mark, too many values, an empty text.
    static let leftToYams = [
        "a: &x 1\nb: *x\n", "id: a\nid: b\n", "id: a\n\"id\": b\n", "? [a, b]\n: c\n", "a: 1\n---\nb: 2\n",
        "a: \"abc\n", "a:\n  b: 1\n c: 2\n", "a: \"\u{FEFF}x\"\n", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", "",
    ]

    @Test("texts Yams must judge are left to Yams", arguments: leftToYams)
    func needsYams(yaml: String) {
        guard case .needsYams = YAMLTree.compose(yaml: yaml, file: "t.yaml", maxValues: 10) else {
            Issue.record("composed from events: \(yaml.debugDescription)")
            return
        }
    }

    @Test("a text without a document is empty, as for Yams", arguments: ["# nothing\n", "  \n\n"])
    func empty(yaml: String) throws {
        #expect(try YAMLTree.composedByYams(yaml: yaml, file: "t.yaml") == nil)
        guard case .empty = YAMLTree.compose(yaml: yaml, file: "t.yaml", maxValues: 10) else {
            Issue.record("not empty: \(yaml.debugDescription)")
            return
        }
    }

    @Test("an empty value of a mapping is placed at its key; a list's items at themselves")
    func places() throws {
        guard case .document(let tree) = YAMLTree.compose(yaml: "a:\nb: [x, y]\n", file: "t.yaml", maxValues: 100)
        else {
            Issue.record("not composed")
            return
        }
        let pairs = try #require(tree.root.pairs)
        #expect(pairs.map { "\($0.value.location)" } == ["t.yaml:1:1", "t.yaml:2:4"])
        let items = try #require(pairs[1].value.sequence)
        #expect(items.map { "\($0.location) \($0.string ?? "-")" } == ["t.yaml:2:5 x", "t.yaml:2:8 y"])
        #expect(tree.root.peek("b") == nil)
        #expect(pairs[0].value.isNull)
    }
}
