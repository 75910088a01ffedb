import ICTIndexCore
import ICTIndexTemplates
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXWriter

/// The self-assessment workbook speaks the criteria's own words: where forms go, and each item's rule text.
@Suite struct TemplateWordingTests {
    func texts(_ sheet: Sheet) -> [String] {
        sheet.rows.flatMap { $0 }.compactMap {
            if case .text(let text, _) = $0 { return text }
            return nil
        }
    }

    @Test("the instructions send the form to the criteria's recipient, not to a fixed department")
    func recipient() throws {
        var (framework, sha) = try loadFramework("Criteria/vn-province-agencies.yaml")
        let unit = try #require(sampleUnits(framework, perGroup: 1).first)
        let defaultText = texts(
            SelfAssessmentTemplate(framework: framework, metadata: metadata(framework, sha256: sha, unit: unit))
                .spreadsheet().sheets[0])
        #expect(defaultText.contains { $0.contains("gửi cho Sở Khoa học và Công nghệ trước hạn nộp") })
        #expect(!defaultText.contains { $0.contains("Thông tin và Truyền thông") })
        framework.publication.recipient = LocalizedText(vi: "Văn phòng UBND tỉnh", en: "the PPC Office")
        let english = texts(
            SelfAssessmentTemplate(
                framework: framework, metadata: metadata(framework, sha256: sha, unit: unit, language: .en)
            ).spreadsheet().sheets[0])
        #expect(english.contains { $0.contains("send it to the PPC Office before the deadline") })
    }
}

extension TemplateWordingTests {
    @Test("each row of the workbook shows the decision's wording of its variable or item, under its name")
    func descriptions() throws {
        let (framework, sha) = try loadFramework("Criteria/vn-province-agencies.yaml")
        // One unit of each group, so that every item applies to one of them.
        var input: [String] = []
        var points: [String] = []
        for unit in sampleUnits(framework, perGroup: 1) {
            let sheets = SelfAssessmentTemplate(
                framework: framework, metadata: metadata(framework, sha256: sha, unit: unit)
            ).spreadsheet().sheets
            input += texts(sheets[1])
            points += texts(sheets[2])
        }
        let nodes = framework.nodes.values.filter { $0.description != nil && $0.id != framework.rootID }
        #expect(nodes.count >= 10)
        for node in nodes {
            let label = node.name.vi + "\n" + (node.description?.vi ?? "")
            #expect(points.contains(label), "points sheet lacks \(node.id)")
        }
        for variable in framework.reportedVariables where variable.description != nil {
            let label = variable.name.vi + "\n" + (variable.description?.vi ?? "")
            #expect(input.contains(label), "input sheet lacks \(variable.id)")
        }
    }
}
