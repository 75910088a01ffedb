import ICTIndexCore
import ICTIndexCriteria

/// The loader's failure report for a criteria text named `t.yaml`, in a language (English unless asked), or
/// "loaded" when the text has no error.
func loadReport(_ yaml: String, _ language: Language = .en) -> String {
    do {
        _ = try FrameworkLoader().load(yaml: yaml, file: "t.yaml")
        return "loaded"
    } catch {
        return error.report(language)
    }
}
