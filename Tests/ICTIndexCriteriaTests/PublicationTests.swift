import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexTestSupport
import Testing

/// `publication:`: who issues the results and where forms go, with the defaults of a province.
@Suite struct PublicationTests {
    static let base = """
        schema: ictindex/v1
        id: t
        name: T
        variables: [{id: a, name: A}]
        index: {children: [{id: a, name: A, score: {rule: ratio}}]}

        """

    func load(_ block: String) throws -> Framework {
        try FrameworkLoader().load(yaml: Self.base + block, file: "t.yaml").framework
    }

    func render(_ block: String, _ language: Language = .en) -> String { loadReport(Self.base + block, language) }

    @Test("without a block: a province's decision, placeholders until signed, forms to Sở Khoa học và Công nghệ")
    func defaults() throws {
        let p = try load("").publication
        #expect(p.level == .province)
        #expect(p.recipient.vi == "Sở Khoa học và Công nghệ")
        #expect(p.caption(.vi) == "(Kèm theo Quyết định số ……/QĐ-UBND ngày …/…/…… của Ủy ban nhân dân tỉnh)")
        #expect(
            p.caption(.en)
                == "(Annex to Decision No. ……/QĐ-UBND of …/…/…… of the Provincial People's Committee)")
    }

    @Test("a signed provincial decision names its number, date and issuer")
    func signed() throws {
        let p = try load(
            """
            publication:
              issuer: "Ủy ban nhân dân tỉnh Phú Thọ"
              decision_number: "1234/QĐ-UBND"
              decision_date: "15/03/2026"
              signer: "Chủ tịch"
              recipient: {vi: "Sở Khoa học và Công nghệ tỉnh Phú Thọ", en: "Phu Tho Department of Science and Technology"}
            """
        ).publication
        #expect(
            p.caption(.vi) == "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/03/2026 của Ủy ban nhân dân tỉnh Phú Thọ)")
        #expect(p.signer?.vi == "Chủ tịch")
        #expect(p.recipient.text(.en) == "Phu Tho Department of Science and Technology")
    }

    @Test("a national index of provinces is not titled as a province's decision")
    func national() throws {
        let p = try load("publication: {level: national, issuer: \"Bộ Khoa học và Công nghệ\"}\n").publication
        #expect(p.decisionNumber == nil)
        #expect(p.caption(.vi) == "(Phương pháp: Bộ Khoa học và Công nghệ)")
        let shipped = try FrameworkLoader().load(
            path: CommandRunner.repositoryRoot.appendingPathComponent("Criteria/vn-dti-2022-province.yaml").path
        ).framework.publication
        #expect(shipped.caption(.vi) == "(Kèm theo Quyết định số 922/QĐ-BTTTT của Bộ Thông tin và Truyền thông)")
    }

    @Test("unknown keys and a wrong level are reported at once, with did you mean")
    func problems() {
        #expect(
            render("publication: {level: nation, recipent: \"Sở KH&CN\"}\n") == """
                t.yaml:6:22: error[C004]: 'level' of the publication block must be one of province, ministry, national, not 'nation'
                  hint: did you mean 'national'?
                t.yaml:6:30: error[C002]: unknown key 'recipent' in the publication block
                  hint: did you mean 'recipient'?
                2 errors
                """)
        #expect(
            render("publication: {level: nation, recipent: \"Sở KH&CN\"}\n", .vi) == """
                t.yaml:6:22: lỗi[C004]: 'level' của phần ban hành (publication) phải là một trong province, ministry, national, không phải 'nation'
                  gợi ý: có phải ý bạn là 'national'?
                t.yaml:6:30: lỗi[C002]: khóa 'recipent' không dùng được trong phần ban hành (publication)
                  gợi ý: có phải ý bạn là 'recipient'?
                2 lỗi
                """)
    }

    @Test("a ministry or national block must name its issuer")
    func issuerRequired() {
        #expect(
            render("publication: {level: ministry}\n") == """
                t.yaml:6:14: error[C003]: the publication block has no 'issuer'
                  hint: a ministry framework names who issues it, such as `issuer: "Bộ Khoa học và Công nghệ"`
                1 error
                """)
        #expect(
            render("publication: {level: ministry}\n", .vi) == """
                t.yaml:6:14: lỗi[C003]: phần ban hành (publication) thiếu 'issuer'
                  gợi ý: bộ tiêu chí cấp `ministry` phải ghi cơ quan ban hành, ví dụ `issuer: "Bộ Khoa học và Công nghệ"`
                1 lỗi
                """)
    }
}
