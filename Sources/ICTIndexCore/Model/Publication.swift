import Localization
/// Who publishes a framework's results and where agencies send their forms (`publication:` in a criteria file).
///
/// Every part is optional in the file; the defaults are those of a province scoring its agencies since the
/// 2025 merger: the Provincial People's Committee issues the decision, and forms go to the provincial
/// Department of Science and Technology (Sở Khoa học và Công nghệ). A decision not yet signed keeps the
/// placeholders `……/QĐ-UBND` and `…/…/……`.
public struct Publication: Hashable, Sendable {
    /// Who the results are about.
    public enum Level: String, Hashable, Sendable, CaseIterable {
        /// A province scoring its agencies and communes.
        case province
        /// A ministry scoring its own units.
        case ministry
        /// A national index of provinces (or an international one of countries).
        case national
    }

    /// The issuing body: "Ủy ban nhân dân tỉnh Phú Thọ".
    public var issuer: LocalizedText
    /// Its short name: "UBND tỉnh".
    public var shortName: LocalizedText?
    /// The decision's number, such as "1234/QĐ-UBND"; nil when the results are not published by a decision.
    public var decisionNumber: String?
    /// The decision's date as written ("15/03/2025", or "…/…/……" until signed).
    public var decisionDate: String?
    /// The signer's title: "Chủ tịch".
    public var signer: LocalizedText?
    /// Where agencies send their self-assessment forms.
    public var recipient: LocalizedText
    public var level: Level

    /// The defaults of a province scoring its agencies.
    public static let provinceDefault = Publication(
        issuer: LocalizedText(vi: "Ủy ban nhân dân tỉnh", en: "the Provincial People's Committee"),
        shortName: LocalizedText(vi: "UBND tỉnh", en: "PPC"), decisionNumber: "……/QĐ-UBND", decisionDate: "…/…/……",
        recipient: LocalizedText(vi: "Sở Khoa học và Công nghệ", en: "the Department of Science and Technology"),
        level: .province)

    public init(
        issuer: LocalizedText, shortName: LocalizedText? = nil, decisionNumber: String? = nil,
        decisionDate: String? = nil, signer: LocalizedText? = nil, recipient: LocalizedText, level: Level
    ) {
        self.issuer = issuer
        self.shortName = shortName
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.signer = signer
        self.recipient = recipient
        self.level = level
    }

    /// The line under a results table's title: "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/03/2025 của Ủy ban
    /// nhân dân tỉnh Phú Thọ)", or, without a decision, "(Phương pháp: Bộ Thông tin và Truyền thông)".
    public func caption(_ language: Language) -> String {
        let en = language == .en
        let body = issuer.text(language)
        guard let number = decisionNumber else {
            return en ? "(Method: \(body))" : "(Phương pháp: \(body))"
        }
        let date = decisionDate.map { en ? " of \($0)" : " ngày \($0)" } ?? ""
        return en
            ? "(Annex to Decision No. \(number)\(date) of \(body))"
            : "(Kèm theo Quyết định số \(number)\(date) của \(body))"
    }
}
