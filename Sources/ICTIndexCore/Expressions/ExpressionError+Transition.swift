import Localization

// TRANSITION: ICTIndexCriteria (converted to Words in another branch) still writes `failure.hint ?? "…"` with an
// English fallback; this keeps it building until that branch is merged, then this file is deleted.
@available(*, deprecated, message: "the hint is Words: use failure.hint ?? Words(vi:en:)")
public func ?? (hint: Words?, english: @autoclosure () -> String) -> String {
    hint?.en ?? english()
}
