import ICTIndexCore
import ICTIndexCriteria

/// The loader's failure text for a criteria text named `t.yaml`, or "loaded" when the text has no error.
func loadReport(_ yaml: String) -> String {
    do {
        _ = try FrameworkLoader().load(yaml: yaml, file: "t.yaml")
        return "loaded"
    } catch {
        return error.description
    }
}
