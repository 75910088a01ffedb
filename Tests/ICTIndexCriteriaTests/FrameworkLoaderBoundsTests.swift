import ICTIndexCore
import ICTIndexCriteria
import Testing

/// Criteria files built to exhaust the machine: refused with a message, quickly, in bounded memory.
@Suite struct FrameworkLoaderBoundsTests {
    func render(_ yaml: String) -> String {
        do {
            _ = try FrameworkLoader().load(yaml: yaml, file: "t.yaml")
            return "loaded"
        } catch {
            return error.description
        }
    }

    @Test("a 'billion laughs' file of nested aliases is refused before its expansion is walked")
    func billionLaughs() {
        // Given nine levels of lists that each repeat the level below ten times: 10^9 values once expanded
        var yaml =
            "schema: ictindex/v1\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for (level, previous) in zip("bcdefghij", "abcdefghi") {
            yaml +=
                "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        // When it is loaded, Then it is refused with one error
        #expect(
            render(yaml) == """
                t.yaml: error[C001]: the file expands to more than 2000000 values through its aliases (*name), far \
                more than any criteria file
                  hint: write the repeated parts out instead of nesting aliases of aliases
                1 error
                """)
    }

    @Test("nesting deeper than libyaml allows names no C function")
    func deepNesting() {
        let yaml =
            "schema: ictindex/v1\nx: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let text = render(yaml)
        #expect(text.hasPrefix("t.yaml:2:"))
        #expect(text.contains("error[C001]: the file nests lists or mappings more than 1000 levels deep\n"))
        #expect(!text.contains("yaml_set_max_nest_level"))
    }
}
