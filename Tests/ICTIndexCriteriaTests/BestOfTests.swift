import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexTestSupport
import Testing

/// `aggregate: best_of` (lấy trường hợp có điểm cao nhất): each case scored by its own rule, the highest kept.
@Suite struct BestOfTests {
    /// A 10-point framework: a 5-point item "portal" with three cases (5, 3 and 2 points, the highest wins)
    /// and a 5-point ratio item "staff".
    static let yaml = """
        schema: ictindex/v1
        id: t
        name: T
        scale: 10
        variables:
          - {id: integrated, name: Cổng tích hợp, type: boolean}
          - {id: website_share, name: Tỷ lệ trang đạt chuẩn, type: percent}
          - {id: posts, name: Số tin bài, type: integer}
          - {id: staff_share, name: Tỷ lệ cán bộ, type: percent}
        index:
          aggregate: sum
          children:
            - id: portal
              name: "Cổng thông tin điện tử (tối đa 5 điểm)"
              description: "Trường hợp 1: có cổng tích hợp: 5 điểm; trường hợp 2: tỷ lệ trang đạt chuẩn × 3 điểm; trường hợp 3: mỗi tin bài 0,5 điểm, tối đa 2 điểm. Lấy trường hợp có điểm cao nhất."
              aggregate: best_of
              children:
                - {id: portal.integrated, name: Có cổng tích hợp, weight: 5, value: integrated, score: {rule: boolean}}
                - {id: portal.website, name: Trang đạt chuẩn, weight: 3, value: website_share, score: {rule: ratio, percent: true}}
                - {id: portal.posts, name: Tin bài, weight: 2, value: posts, score: {rule: linear, from: 0, to: 4}}
            - {id: staff, name: Cán bộ, weight: 5, value: staff_share, score: {rule: ratio, percent: true}}
        """

    func framework() throws -> Framework {
        try FrameworkLoader().load(yaml: Self.yaml, file: "t.yaml").framework
    }

    func scoreboard() throws -> Scoreboard {
        // Worked out by hand, scale 10, portal max 5 points, staff max 5 points:
        // A: integrated → 5 of 5; website 80 % → 0.8 × 3 = 2.4 of 3; posts 4 → 2 of 2 → best 5 (case 1)
        //    staff 50 % → 2.5; total 7.5
        // B: not integrated → 0; website 90 % → 2.7; posts 3 → 3/4 × 2 = 1.5 → best 2.7 (case 2); staff 100 % → 5;
        //    total 7.7
        // C: not integrated → 0; website 10 % → 0.3; posts 10 → 2 → best 2 (case 3); staff 0 → 0; total 2
        let dataset = ExampleIndex.dataset([
            (
                "A", "all",
                [
                    "integrated": .number(1), "website_share": .number(80), "posts": .number(4),
                    "staff_share": .number(50),
                ]
            ),
            (
                "B", "all",
                [
                    "integrated": .number(0), "website_share": .number(90), "posts": .number(3),
                    "staff_share": .number(100),
                ]
            ),
            (
                "C", "all",
                [
                    "integrated": .number(0), "website_share": .number(10), "posts": .number(10),
                    "staff_share": .number(0),
                ]
            ),
        ])
        return try Engine(framework: try framework()).score(dataset)
    }

    @Test("the node weighs as much as its highest case: max points 5, each case its own")
    func maxPoints() throws {
        let f = try framework()
        let nominal = f.nominalWeights()
        #expect(f.node("portal").weight == 5)
        #expect(nominal["portal"].map { $0 * f.scale } == 5)
        #expect(nominal["portal.integrated"].map { $0 * f.scale } == 5)
        #expect(nominal["portal.website"].map { $0 * f.scale } == 3)
        #expect(nominal["portal.posts"].map { $0 * f.scale } == 2)
    }

    @Test("the highest case wins, whichever case it is")
    func scores() throws {
        let board = try scoreboard()
        func points(_ unit: String, _ node: String) throws -> Double {
            let r = try #require(board.result(for: UnitCode(unit), node: NodeID(node)))
            return (r.points ?? .nan).rounded(toPlaces: 9)
        }
        #expect(try points("A", "portal") == 5)
        #expect(try points("B", "portal") == 2.7)
        #expect(try points("C", "portal") == 2)
        #expect(try points("B", "portal.website") == 2.7)
        #expect(try points("B", "portal.posts") == 1.5)
        #expect(board.result(for: "A")?.published == 7.5)
        #expect(board.result(for: "B")?.published == 7.7)
        #expect(board.result(for: "C")?.published == 2)
        #expect(
            board.result(for: "B").flatMap { board.bestCase(of: "portal", for: $0) } == "portal.website")
        #expect(
            board.result(for: "C").flatMap { board.bestCase(of: "portal", for: $0) } == "portal.posts")
    }

    @Test("the explanation names the case that won")
    func explanation() throws {
        let text = try #require(try scoreboard().explain("B")).description
        #expect(
            text.contains(
                "  portal Cổng thông tin điện tử (tối đa 5 điểm) (tổng hợp: best_of): lấy trường hợp có điểm cao nhất: "
                    + "max(0, 2.7, 1.5) = 2.7 / 5 điểm, hạng 2"
            ))
        #expect(
            text.contains(
                "    → lấy trường hợp có điểm cao nhất: portal.website Trang đạt chuẩn, 2.7 / 3 điểm"))
        // The decision's wording, verbatim, under the node's line.
        #expect(
            text.contains(
                "\n      “Trường hợp 1: có cổng tích hợp: 5 điểm; trường hợp 2: tỷ lệ trang đạt chuẩn × 3 điểm;"))
        let en = try #require(try scoreboard().explain("C", language: .en)).description
        #expect(en.contains("    → the highest case wins: portal.posts Tin bài, 2 / 2 points"))
    }

    @Test("a written weight other than the highest case's is an error (C030)")
    func wrongWeight() {
        let yaml = Self.yaml.replacingOccurrences(
            of: "aggregate: best_of", with: "aggregate: best_of\n      weight: 10"
        )
        .replacingOccurrences(
            of: "{id: staff, name: Cán bộ, weight: 5", with: "{id: staff, name: Cán bộ, weight: 0")
        #expect(
            render(yaml) == """
                t.yaml:13:7: error[C030]: 'portal' keeps its highest case, worth at most 5; 'portal' has weight 10
                  hint: give 'portal' weight 5, or remove its `weight:` (a best_of node weighs as much as its highest case)
                1 error
                """)
        #expect(
            render(yaml, .vi) == """
                t.yaml:13:7: lỗi[C030]: 'portal' lấy trường hợp có điểm cao nhất, tối đa 5 điểm; nhưng 'portal' có trọng số 10
                  gợi ý: ghi trọng số 5 cho 'portal', hoặc xóa `weight:` (mục best_of có trọng số bằng trường hợp cao nhất)
                1 lỗi
                """)
    }

    @Test(
        "the obvious wrong encoding, cases added up in a sum node, is caught by the stated maximum (C031)"
    )
    func casesAddedUp() {
        // The cases' points add up to 5 + 3 + 2 = 10, the scale is 15 so that `sum` at the root holds:
        // the decision says 5 points, the tree gives 10.
        let yaml = Self.yaml.replacingOccurrences(
            of: "aggregate: best_of", with: "aggregate: sum\n      weight: 10"
        )
        .replacingOccurrences(of: "scale: 10", with: "scale: 15")
        #expect(
            render(yaml) == """
                t.yaml:13:7: error[C031]: the name of 'portal' says at most 5 points ("tối đa 5 điểm"); the tree gives it 10 points
                  hint: the highest case wins: write `aggregate: best_of` (each case's weight is its own points)
                1 error
                """)
        #expect(
            render(yaml, .vi) == """
                t.yaml:13:7: lỗi[C031]: tên của 'portal' ghi tối đa 5 điểm ("tối đa 5 điểm"); cây tiêu chí cho 10 điểm
                  gợi ý: lấy trường hợp có điểm cao nhất: ghi `aggregate: best_of` (trọng số của mỗi trường hợp là số điểm của trường hợp đó)
                1 lỗi
                """)
    }

    @Test(
        "a pillar whose text says the highest case wins, without a stated maximum, gets a warning (C032)"
    )
    func wordingWarning() throws {
        let yaml = Self.yaml.replacingOccurrences(
            of: "aggregate: best_of", with: "aggregate: max\n      weight: 5"
        )
        .replacingOccurrences(of: " (tối đa 5 điểm)", with: "")
        .replacingOccurrences(of: "tối đa 2 điểm", with: "không quá 2")
        let loaded = try FrameworkLoader().load(yaml: yaml, file: "t.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                """
                t.yaml:13:7: warning[C032]: the text of 'portal' says the highest case wins, but 'portal' is aggregate: max
                  hint: write `aggregate: best_of` so that only the highest case counts (each case's weight is its own points)
                """
            ])
        #expect(
            loaded.warnings.map { $0.text(.vi) }.joined(separator: "\n") == """
                t.yaml:13:7: cảnh báo[C032]: câu chữ của 'portal' ghi lấy trường hợp có điểm cao nhất, nhưng 'portal' đang là `aggregate: max`
                  gợi ý: ghi `aggregate: best_of` để chỉ tính trường hợp có điểm cao nhất (trọng số của mỗi trường hợp là số điểm của trường hợp đó)
                """)
    }

    func render(_ yaml: String, _ language: Language = .en) -> String { loadReport(yaml, language) }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        return (self * factor).rounded() / factor
    }
}
