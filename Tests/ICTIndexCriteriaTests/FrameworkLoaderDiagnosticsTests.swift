import ICTIndexCore
import ICTIndexCriteria
import Testing

/// A criteria file with problems, and the exact report the loader gives it.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    /// The report in English (`--lang en`).
    let expected: String
    /// The report in Vietnamese, the default.
    let expectedVI: String

    var testDescription: String { name }
}

/// Every kind of problem in a criteria file, with its full rendered report (DESIGN §3, STYLE D).
///
/// Each case is a tiny file; the expected texts are what `ictindex criteria check` prints in each language: one
/// `file:line:column: lỗi[code]: message` line per problem (`error[code]` in English), its hint (`gợi ý:`,
/// `hint:`), and the count line. The code and the place are the same in both.
@Suite struct FrameworkLoaderDiagnosticsTests {
    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            name: "C001 the file is not valid YAML",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                index:
                  children: [{id: a, name: A
                """,
            expected: """
                t.yaml:6:1: error[C001]: the file is not valid YAML: did not find expected ',' or '}' while parsing a flow mapping at line 5
                  hint: check the indentation, the quotes and the brackets around this place
                1 error
                """,
            expectedVI: """
                t.yaml:6:1: lỗi[C001]: tệp không đúng cú pháp YAML: did not find expected ',' or '}' (while parsing a flow mapping, dòng 5)
                  gợi ý: kiểm tra thụt lề, dấu nháy và dấu ngoặc quanh chỗ này
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C003 an empty file",
            yaml: """

                """,
            expected: """
                t.yaml: error[C003]: the criteria file is empty
                  hint: start it with `schema: ictindex/v1`
                1 error
                """,
            expectedVI: """
                t.yaml: lỗi[C003]: tệp tiêu chí trống
                  gợi ý: bắt đầu tệp bằng dòng `schema: ictindex/v1`
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C004 the file is a list, not a mapping",
            yaml: """
                - schema
                - id
                """,
            expected: """
                t.yaml:1:1: error[C004]: the file must be a mapping of keys, not a list of 2 items
                  hint: write it as `key: value` lines or `{key: value, …}`
                1 error
                """,
            expectedVI: """
                t.yaml:1:1: lỗi[C004]: tệp tiêu chí phải gồm các cặp khóa: giá trị, không phải một danh sách 2 mục
                  gợi ý: viết mỗi dòng một cặp `khóa: giá trị`, hoặc `{khóa: giá trị, …}`
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C002 unknown top-level key, with did you mean",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variabels: []
                variables: [{id: a, name: A}]
                index: {children: [{id: a, name: A, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:4:1: error[C002]: unknown key 'variabels' in the file
                  hint: did you mean 'variables'?
                1 error
                """,
            expectedVI: """
                t.yaml:4:1: lỗi[C002]: khóa 'variabels' không dùng được trong tệp tiêu chí
                  gợi ý: có phải ý bạn là 'variables'?
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C002 unknown key without a close match lists the keys",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                groups: [{id: g, name: G, colour: red}]
                variables: [{id: a, name: A}]
                index: {children: [{id: a, name: A, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:4:27: error[C002]: unknown key 'colour' in group 'g'
                  hint: the keys of group 'g' are id, name, ranked
                1 error
                """,
            expectedVI: """
                t.yaml:4:27: lỗi[C002]: khóa 'colour' không dùng được trong khối 'g'
                  gợi ý: các khóa của khối 'g' là id, name, ranked
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C003 required top-level keys are missing",
            yaml: """
                edition: 2025
                """,
            expected: """
                t.yaml:1:1: error[C003]: the file has no 'schema'
                  hint: start the file with `schema: ictindex/v1`
                t.yaml:1:1: error[C003]: the file has no 'id'
                  hint: add `id: …` such as `id: vn-province-agencies`
                t.yaml:1:1: error[C003]: the file has no 'name'
                  hint: add `name: …` or `name: {vi: …, en: …}`
                t.yaml:1:1: error[C003]: the file has no 'index'
                  hint: add `index:` with the tree of pillars and indicators
                4 errors
                """,
            expectedVI: """
                t.yaml:1:1: lỗi[C003]: tệp tiêu chí thiếu khóa 'schema'
                  gợi ý: mở đầu tệp bằng dòng `schema: ictindex/v1`
                t.yaml:1:1: lỗi[C003]: tệp tiêu chí thiếu khóa 'id'
                  gợi ý: thêm `id: …`, ví dụ `id: vn-province-agencies`
                t.yaml:1:1: lỗi[C003]: tệp tiêu chí thiếu khóa 'name'
                  gợi ý: thêm `name: …` hoặc `name: {vi: …, en: …}`
                t.yaml:1:1: lỗi[C003]: tệp tiêu chí thiếu khóa 'index'
                  gợi ý: thêm `index:` với cây các nhóm tiêu chí và tiêu chí
                4 lỗi
                """
        ),
        DiagnosticCase(
            name: "C003 a text map without vi",
            yaml: """
                schema: ictindex/v1
                id: t
                name: {en: Test}
                variables: [{id: a, name: A}]
                index: {children: [{id: a, name: A, score: {rule: identity}}]}
                """,
            expected: """
                t.yaml:3:7: error[C003]: 'name' of the framework has no 'vi'
                  hint: add `vi: …`: the Vietnamese text is required, `en` is optional
                1 error
                """,
            expectedVI: """
                t.yaml:3:7: lỗi[C003]: 'name' của bộ tiêu chí thiếu khóa 'vi'
                  gợi ý: thêm `vi: …`: bắt buộc có bản tiếng Việt, bản tiếng Anh `en` thì không
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C003 an indicator without a score rule and no defaults",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A}
                """,
            expected: """
                t.yaml:7:7: error[C003]: indicator 'a' has no 'score'
                  hint: add `score: {rule: …}` to the indicator, or a default `score:` under `defaults:`
                1 error
                """,
            expectedVI: """
                t.yaml:7:7: lỗi[C003]: tiêu chí 'a' chưa có cách chấm điểm 'score'
                  gợi ý: thêm `score: {rule: …}` cho tiêu chí, hoặc một `score:` mặc định trong `defaults:`
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C004 invalid framework settings",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                scale: 0
                decimals: 11
                rank_on: exakt
                variables: [{id: a, name: A}]
                index: {children: [{id: a, name: A, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:4:8: error[C004]: 'scale' must be above 0, not 0
                  hint: use the root's score range, such as 100 or 1
                t.yaml:5:11: error[C004]: 'decimals' must be between 0 and 10, not 11
                  hint: use the number of decimals scores are published with, such as 2
                t.yaml:6:10: error[C004]: 'rank_on' of the framework must be one of rounded, exact, not 'exakt'
                  hint: did you mean 'exact'?
                3 errors
                """,
            expectedVI: """
                t.yaml:4:8: lỗi[C004]: 'scale' phải lớn hơn 0, không phải 0
                  gợi ý: ghi thang điểm của tổng điểm, ví dụ 100 hoặc 1
                t.yaml:5:11: lỗi[C004]: 'decimals' phải từ 0 đến 10, không phải 11
                  gợi ý: ghi số chữ số thập phân khi công bố điểm, ví dụ 2
                t.yaml:6:10: lỗi[C004]: 'rank_on' của bộ tiêu chí phải là một trong rounded, exact, không phải 'exakt'
                  gợi ý: có phải ý bạn là 'exact'?
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C004 values of the wrong kind",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  aggregate: avg
                  children:
                    - id: a
                      name:
                      weight: heavy
                      direction: up
                      missing: none
                      score: {rule: ratio}
                """,
            expected: """
                t.yaml:6:14: error[C004]: 'aggregate' of the root node (index) must be one of sum, mean, geometric, harmonic, min, max, best_of, not 'avg'
                  hint: write one of the values listed
                t.yaml:9:7: error[C004]: 'name' of indicator 'a' must be a text or {vi: …, en: …}, not nothing
                  hint: write `name: "…"` or `name: {vi: "…", en: "…"}`
                t.yaml:10:15: error[C004]: 'weight' of indicator 'a' must be a number, not 'heavy'
                  hint: write a number such as 10 or 0.5
                t.yaml:11:18: error[C004]: 'direction' of indicator 'a' must be one of higher, lower, not 'up'
                  hint: write one of the values listed
                t.yaml:12:16: error[C004]: 'missing' of indicator 'a' must be one of zero, skip, impute_mean, impute_group_mean, error, not 'none'
                  hint: write one of the values listed
                5 errors
                """,
            expectedVI: """
                t.yaml:6:14: lỗi[C004]: 'aggregate' của mục gốc (index) phải là một trong sum, mean, geometric, harmonic, min, max, best_of, không phải 'avg'
                  gợi ý: ghi một trong các giá trị đã nêu
                t.yaml:9:7: lỗi[C004]: 'name' của tiêu chí 'a' phải là một đoạn chữ hoặc {vi: …, en: …}, không phải giá trị trống
                  gợi ý: ghi `name: "…"` hoặc `name: {vi: "…", en: "…"}`
                t.yaml:10:15: lỗi[C004]: 'weight' của tiêu chí 'a' phải là một số, không phải 'heavy'
                  gợi ý: ghi một số như 10 hay 0.5 (dấu chấm thập phân)
                t.yaml:11:18: lỗi[C004]: 'direction' của tiêu chí 'a' phải là một trong higher, lower, không phải 'up'
                  gợi ý: ghi một trong các giá trị đã nêu
                t.yaml:12:16: lỗi[C004]: 'missing' của tiêu chí 'a' phải là một trong zero, skip, impute_mean, impute_group_mean, error, không phải 'none'
                  gợi ý: ghi một trong các giá trị đã nêu
                5 lỗi
                """
        ),
        DiagnosticCase(
            name: "C005 unsupported schema",
            yaml: """
                schema: ictindex/v2
                id: t
                name: T
                variables: [{id: a, name: A}]
                index: {children: [{id: a, name: A, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:1:9: error[C005]: unsupported schema 'ictindex/v2'
                  hint: this version of ictindex reads `schema: ictindex/v1`
                1 error
                """,
            expectedVI: """
                t.yaml:1:9: lỗi[C005]: không hỗ trợ lược đồ (schema) 'ictindex/v2'
                  gợi ý: phiên bản ictindex này đọc tệp có `schema: ictindex/v1`
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C006 invalid ids",
            yaml: """
                schema: ictindex/v1
                id: T_1
                name: T
                groups: [{id: Dept, name: D}]
                variables: [{id: 2a, name: A}, {id: a, name: A}]
                index: {children: [{id: Infra, name: I, value: a, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:2:5: error[C006]: 'T_1' is not a valid framework id
                  hint: use lower-case letters, digits and '-', such as `vn-province-agencies`
                t.yaml:4:15: error[C006]: 'Dept' is not a valid group id
                  hint: start with a lower-case letter; then letters, digits, '_' or '-', such as `department`
                t.yaml:5:18: error[C006]: '2a' is not a valid variable id
                  hint: start with a lower-case letter; then letters, digits or '_', such as `staff_total`
                t.yaml:6:25: error[C006]: 'Infra' is not a valid node id
                  hint: start with a lower-case letter or digit; then letters, digits, '_', '.' or '-', such as `infra.computers`
                4 errors
                """,
            expectedVI: """
                t.yaml:2:5: lỗi[C006]: 'T_1' không phải mã bộ tiêu chí hợp lệ
                  gợi ý: chỉ dùng chữ thường không dấu, chữ số và '-', ví dụ `vn-province-agencies`
                t.yaml:4:15: lỗi[C006]: 'Dept' không phải mã khối hợp lệ
                  gợi ý: bắt đầu bằng chữ thường không dấu; sau đó là chữ, chữ số, '_' hoặc '-', ví dụ `department`
                t.yaml:5:18: lỗi[C006]: '2a' không phải mã biến số liệu hợp lệ
                  gợi ý: bắt đầu bằng chữ thường không dấu; sau đó là chữ, chữ số hoặc '_', ví dụ `staff_total`
                t.yaml:6:25: lỗi[C006]: 'Infra' không phải mã tiêu chí hợp lệ
                  gợi ý: bắt đầu bằng chữ thường không dấu hoặc chữ số; sau đó là chữ, chữ số, '_', '.' hoặc '-', ví dụ `infra.computers`
                4 lỗi
                """
        ),
        DiagnosticCase(
            name: "C007 duplicate ids name the first place",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                groups:
                  - {id: g, name: G}
                  - {id: g, name: G2}
                bands:
                  - {id: good, name: Good, min: 80}
                  - {id: good, name: Good, min: 50}
                variables:
                  - {id: a, name: A}
                  - {id: a, name: A2}
                index:
                  children:
                    - {id: a, name: A, score: {rule: ratio}}
                    - {id: a, name: A, score: {rule: ratio}}
                deductions:
                  - {id: late, name: L, points: a}
                  - {id: late, name: L, points: a}
                """,
            expected: """
                t.yaml:6:10: error[C007]: duplicate group id 'g' (first defined at line 5)
                  hint: give each group its own id
                t.yaml:9:10: error[C007]: duplicate band id 'good' (first defined at line 8)
                  hint: give each band its own id
                t.yaml:12:10: error[C007]: duplicate variable id 'a' (first defined at line 11)
                  hint: give each variable its own id
                t.yaml:16:12: error[C007]: duplicate node id 'a' (first defined at line 15)
                  hint: give each node its own id
                t.yaml:19:10: error[C007]: duplicate deduction id 'late' (first defined at line 18)
                  hint: give each deduction its own id
                5 errors
                """,
            expectedVI: """
                t.yaml:6:10: lỗi[C007]: mã khối 'g' bị trùng (đã khai báo ở dòng 5)
                  gợi ý: đặt cho mỗi khối một mã riêng
                t.yaml:9:10: lỗi[C007]: mã xếp loại 'good' bị trùng (đã khai báo ở dòng 8)
                  gợi ý: đặt cho mỗi xếp loại một mã riêng
                t.yaml:12:10: lỗi[C007]: mã biến số liệu 'a' bị trùng (đã khai báo ở dòng 11)
                  gợi ý: đặt cho mỗi biến số liệu một mã riêng
                t.yaml:16:12: lỗi[C007]: mã tiêu chí 'a' bị trùng (đã khai báo ở dòng 15)
                  gợi ý: đặt cho mỗi tiêu chí một mã riêng
                t.yaml:19:10: lỗi[C007]: mã điểm trừ 'late' bị trùng (đã khai báo ở dòng 18)
                  gợi ý: đặt cho mỗi điểm trừ một mã riêng
                5 lỗi
                """
        ),
        DiagnosticCase(
            name: "C007 a duplicate option id",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: c, name: C, type: choice, options: {yes: Có, yes: Không}}
                index: {children: [{id: c, name: C}]}
                """,
            expected: """
                t.yaml:5:46: error[C007]: duplicate key 'yes' in one mapping
                  hint: keep one of them: a key may appear only once in a mapping
                1 error
                """,
            expectedVI: """
                t.yaml:5:46: lỗi[C007]: khóa 'yes' bị lặp trong cùng một nhóm khóa
                  gợi ý: giữ lại một: mỗi khóa chỉ được ghi một lần trong một nhóm
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C008 unknown variables in values, quoted and plain, at their columns",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: computers, name: C}
                  - {id: staff, name: S}
                index:
                  children:
                    - {id: a, name: A, value: "compters / staff", score: {rule: ratio}}
                    - {id: b, name: B, value: computers / staf, score: {rule: ratio}}
                    - {id: c, name: C, value: 'computers + xyz', score: {rule: ratio}}
                """,
            expected: """
                t.yaml:9:32: error[C008]: unknown variable 'compters' in the value of indicator 'a'
                  hint: did you mean 'computers'?
                t.yaml:10:43: error[C008]: unknown variable 'staf' in the value of indicator 'b'
                  hint: did you mean 'staff'?
                t.yaml:11:44: error[C008]: unknown variable 'xyz' in the value of indicator 'c'
                  hint: declare 'xyz' under `variables:`
                3 errors
                """,
            expectedVI: """
                t.yaml:9:32: lỗi[C008]: không có biến số liệu 'compters' trong biểu thức value của tiêu chí 'a'
                  gợi ý: có phải ý bạn là 'computers'?
                t.yaml:10:43: lỗi[C008]: không có biến số liệu 'staf' trong biểu thức value của tiêu chí 'b'
                  gợi ý: có phải ý bạn là 'staff'?
                t.yaml:11:44: lỗi[C008]: không có biến số liệu 'xyz' trong biểu thức value của tiêu chí 'c'
                  gợi ý: khai báo 'xyz' trong `variables:`
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C008 unknown variables in formulas and deduction points",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: staff, name: S}
                  - {id: ratio, name: R, formula: "computers / staff"}
                index: {children: [{id: ratio, name: R, score: {rule: ratio}}]}
                deductions:
                  - {id: late, name: L, points: "5 * late_reports"}
                """,
            expected: """
                t.yaml:6:36: error[C008]: unknown variable 'computers' in the formula of variable 'ratio'
                  hint: declare 'computers' under `variables:`
                t.yaml:9:38: error[C008]: unknown variable 'late_reports' in the points of deduction 'late'
                  hint: declare 'late_reports' under `variables:`
                2 errors
                """,
            expectedVI: """
                t.yaml:6:36: lỗi[C008]: không có biến số liệu 'computers' trong công thức của biến số liệu 'ratio'
                  gợi ý: khai báo 'computers' trong `variables:`
                t.yaml:9:38: lỗi[C008]: không có biến số liệu 'late_reports' trong biểu thức points của điểm trừ 'late'
                  gợi ý: khai báo 'late_reports' trong `variables:`
                2 lỗi
                """
        ),
        DiagnosticCase(
            name: "C008 an indicator without a value of its own",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: computers, name: C}
                  - {id: meetings, name: M}
                index:
                  children:
                    - {id: infra.computers, name: C, score: {rule: ratio}}
                    - {id: meeting, name: M, score: {rule: ratio}}
                    - {id: portal, name: P, score: {rule: ratio}}
                """,
            expected: """
                t.yaml:9:7: error[C008]: indicator 'infra.computers' has no value: there is no variable 'infra.computers'
                  hint: add `value: computers`
                t.yaml:10:7: error[C008]: indicator 'meeting' has no value: there is no variable 'meeting'
                  hint: did you mean `value: meetings`?
                t.yaml:11:7: error[C008]: indicator 'portal' has no value: there is no variable 'portal'
                  hint: add `value:` with an expression over variables, or declare a variable 'portal'
                3 errors
                """,
            expectedVI: """
                t.yaml:9:7: lỗi[C008]: tiêu chí 'infra.computers' không có giá trị: không có biến số liệu 'infra.computers'
                  gợi ý: thêm `value: computers`
                t.yaml:10:7: lỗi[C008]: tiêu chí 'meeting' không có giá trị: không có biến số liệu 'meeting'
                  gợi ý: có phải ý bạn là `value: meetings`?
                t.yaml:11:7: lỗi[C008]: tiêu chí 'portal' không có giá trị: không có biến số liệu 'portal'
                  gợi ý: thêm `value:` với một biểu thức tính từ các biến số liệu, hoặc khai báo biến số liệu 'portal'
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C009 unknown groups in applies_to",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                groups: [{id: department, name: D}, {id: commune, name: C}]
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, applies_to: [comune], score: {rule: ratio}}
                    - {id: b, name: B, value: a, applies_to: [province], score: {rule: ratio}}
                """,
            expected: """
                t.yaml:8:37: error[C009]: unknown group 'comune' in 'applies_to' of indicator 'a'
                  hint: did you mean 'commune'?
                t.yaml:9:47: error[C009]: unknown group 'province' in 'applies_to' of indicator 'b'
                  hint: the groups are department, commune
                2 errors
                """,
            expectedVI: """
                t.yaml:8:37: lỗi[C009]: không có khối 'comune' (trong 'applies_to' của tiêu chí 'a')
                  gợi ý: có phải ý bạn là 'commune'?
                t.yaml:9:47: lỗi[C009]: không có khối 'province' (trong 'applies_to' của tiêu chí 'b')
                  gợi ý: các khối là department, commune
                2 lỗi
                """
        ),
        DiagnosticCase(
            name: "C009 applies_to without groups",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, applies_to: [department], score: {rule: ratio}}
                """,
            expected: """
                t.yaml:7:37: error[C009]: unknown group 'department' in 'applies_to' of indicator 'a'
                  hint: the framework defines no groups; declare them under `groups:`
                1 error
                """,
            expectedVI: """
                t.yaml:7:37: lỗi[C009]: không có khối 'department' (trong 'applies_to' của tiêu chí 'a')
                  gợi ý: bộ tiêu chí chưa khai báo khối nào; khai báo các khối trong `groups:`
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C010 circular formulas print the circle",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: a, name: A, formula: "b + 1"}
                  - {id: b, name: B, formula: "c * 2"}
                  - {id: c, name: C, formula: a}
                  - {id: d, name: D, formula: d / 2}
                index: {children: [{id: a, name: A, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:5:31: error[C010]: formulas refer to each other in a circle: a → b → c → a
                  hint: break the circle: a derived variable cannot depend on itself, directly or through others
                t.yaml:8:31: error[C010]: formulas refer to each other in a circle: d → d
                  hint: break the circle: a derived variable cannot depend on itself, directly or through others
                2 errors
                """,
            expectedVI: """
                t.yaml:5:31: lỗi[C010]: các công thức tham chiếu lẫn nhau thành vòng: a → b → c → a
                  gợi ý: bỏ vòng lặp: một biến số liệu tính bằng công thức không thể phụ thuộc vào chính nó, dù trực tiếp hay qua biến khác
                t.yaml:8:31: lỗi[C010]: các công thức tham chiếu lẫn nhau thành vòng: d → d
                  gợi ý: bỏ vòng lặp: một biến số liệu tính bằng công thức không thể phụ thuộc vào chính nó, dù trực tiếp hay qua biến khác
                2 lỗi
                """
        ),
        DiagnosticCase(
            name: "C011 expression syntax errors point inside the file",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, value: "a * (2 +", score: {rule: ratio}}
                    - {id: b, name: B, value: sqrt(a), score: {rule: ratio}}
                """,
            expected: """
                t.yaml:7:40: error[C011]: the value of indicator 'a' is not a valid expression: unexpected end of expression
                  hint: add a value after '+'
                t.yaml:8:31: error[C011]: the value of indicator 'b' is not a valid expression: unknown function 'sqrt'
                  hint: the functions are if, min, max, abs, round, clamp
                2 errors
                """,
            expectedVI: """
                t.yaml:7:40: lỗi[C011]: biểu thức value của tiêu chí 'a' không hợp lệ: công thức chưa viết xong
                  gợi ý: hãy thêm một giá trị sau '+'
                t.yaml:8:31: lỗi[C011]: biểu thức value của tiêu chí 'b' không hợp lệ: không có hàm 'sqrt'
                  gợi ý: các hàm có thể dùng là if, min, max, abs, round, clamp
                2 lỗi
                """
        ),
        DiagnosticCase(
            name: "C012 sum children that do not add up to the weight or the scale",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                defaults: {score: {rule: ratio}}
                index:
                  aggregate: sum
                  children:
                    - id: infra
                      name: I
                      weight: 20
                      aggregate: sum
                      children:
                        - {id: a, name: A, weight: 10}
                        - {id: b, name: B, value: a, weight: 8}
                """,
            expected: """
                t.yaml:7:3: error[C012]: the children of 'index' add up to 20; the scale is 100
                  hint: fix the children's weights or `scale` (aggregate: sum at the root needs them equal)
                t.yaml:9:7: error[C012]: the children of 'infra' add up to 18; 'infra' has weight 20
                  hint: fix the children's weights or the node's weight (aggregate: sum needs them equal)
                2 errors
                """,
            expectedVI: """
                t.yaml:7:3: lỗi[C012]: các mục con của 'index' cộng lại được 20 điểm; thang điểm là 100
                  gợi ý: sửa trọng số của các mục con hoặc `scale` (`aggregate: sum` ở gốc cần hai số bằng nhau)
                t.yaml:9:7: lỗi[C012]: các mục con của 'infra' cộng lại được 18 điểm; 'infra' có trọng số 20
                  gợi ý: sửa trọng số của các mục con hoặc của chính mục này (`aggregate: sum` cần hai số bằng nhau)
                2 lỗi
                """
        ),
        DiagnosticCase(
            name: "C013 bands out of order, and C004 a band with two bounds",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                bands:
                  - {id: fair, name: F, min: 70}
                  - {id: good, name: G, min: 85}
                  - {id: weak, name: W}
                  - {id: low, name: L, min: 10, above: 5}
                  - {id: last, name: Z}
                variables: [{id: a, name: A}]
                index: {children: [{id: a, name: A, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:6:5: error[C013]: band 'good' (min 85) comes after band 'fair' (min 70), but its bound is not lower
                  hint: list the bands from the highest bound down
                t.yaml:7:5: error[C013]: band 'weak' has no bound but is not the last band
                  hint: give it `min:` or `above:`, or move it to the end: only the last band may have no bound
                t.yaml:8:40: error[C004]: band 'low' has both 'min' and 'above'
                  hint: keep one: `min` is inclusive (score ≥ min), `above` is exclusive (score > above)
                3 errors
                """,
            expectedVI: """
                t.yaml:6:5: lỗi[C013]: xếp loại 'good' (min 85) đứng sau xếp loại 'fair' (min 70) nhưng ngưỡng không thấp hơn
                  gợi ý: liệt kê các xếp loại từ ngưỡng cao nhất xuống thấp
                t.yaml:7:5: lỗi[C013]: xếp loại 'weak' không có ngưỡng nhưng không đứng cuối
                  gợi ý: ghi `min:` hoặc `above:` cho xếp loại này, hoặc chuyển nó xuống cuối: chỉ xếp loại cuối cùng được không có ngưỡng
                t.yaml:8:40: lỗi[C004]: xếp loại 'low' có cả 'min' lẫn 'above'
                  gợi ý: giữ một: `min` tính cả ngưỡng (điểm ≥ min), `above` không tính ngưỡng (điểm > above)
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C014 steps out of order",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - id: a
                      name: A
                      weight: 20
                      score: {rule: steps, steps: [{at_least: 2, points: 10}, {at_least: 3, points: 15}]}
                """,
            expected: """
                t.yaml:10:74: error[C014]: rule 'steps' of indicator 'a' has steps out of order: at_least 3 comes after at_least 2
                  hint: list the steps from the highest at_least down (the first step met wins)
                1 error
                """,
            expectedVI: """
                t.yaml:10:74: lỗi[C014]: các bậc của quy tắc 'steps' ở tiêu chí 'a' sai thứ tự: at_least 3 đứng sau at_least 2
                  gợi ý: liệt kê các bậc từ at_least cao nhất xuống (bậc đầu tiên đạt được sẽ được tính)
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C015 points above the indicator's weight",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: c, name: C, type: choice, options: {chair: X, none: Z}}
                  - {id: b, name: B, type: boolean}
                  - {id: m, name: M}
                index:
                  children:
                    - {id: c, name: C, weight: 10, score: {rule: choice, choices: {chair: {points: 12}, none: {points: 0}}}}
                    - {id: b, name: B, weight: 5, score: {rule: boolean, true_points: 6}}
                    - {id: m, name: M, weight: 4, score: {rule: steps, steps: [{at_least: 1, points: 5}]}}
                """,
            expected: """
                t.yaml:10:84: error[C015]: points 12 in rule 'choice' are more than the weight 10 of indicator 'c'
                  hint: points are out of the indicator's weight: lower them or raise the weight
                t.yaml:11:71: error[C015]: true_points 6 in rule 'boolean' are more than the weight 5 of indicator 'b'
                  hint: points are out of the indicator's weight: lower them or raise the weight
                t.yaml:12:86: error[C015]: points 5 in rule 'steps' are more than the weight 4 of indicator 'm'
                  hint: points are out of the indicator's weight: lower them or raise the weight
                3 errors
                """,
            expectedVI: """
                t.yaml:10:84: lỗi[C015]: points 12 trong quy tắc 'choice' lớn hơn trọng số 10 của tiêu chí 'c'
                  gợi ý: số điểm tính trên trọng số của tiêu chí: hạ số điểm hoặc tăng trọng số
                t.yaml:11:71: lỗi[C015]: true_points 6 trong quy tắc 'boolean' lớn hơn trọng số 5 của tiêu chí 'b'
                  gợi ý: số điểm tính trên trọng số của tiêu chí: hạ số điểm hoặc tăng trọng số
                t.yaml:12:86: lỗi[C015]: points 5 trong quy tắc 'steps' lớn hơn trọng số 4 của tiêu chí 'm'
                  gợi ý: số điểm tính trên trọng số của tiêu chí: hạ số điểm hoặc tăng trọng số
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C016 choices that do not match the variable's options",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: c, name: C, type: choice, options: {chair: X, deputy: Y, none: Z}}
                index:
                  children:
                    - {id: c, name: C, weight: 10, score: {rule: choice, choices: {chair: {points: 10}, depty: {points: 5}, maybe: {score: 0}}}}
                """,
            expected: """
                t.yaml:8:43: error[C016]: the choices of indicator 'c' leave out options 'deputy', 'none' of variable 'c'
                  hint: give every option of 'c' its `points:` or `score:`
                t.yaml:8:89: error[C016]: 'depty' is not an option of variable 'c' (in the choices of indicator 'c')
                  hint: did you mean 'deputy'?
                t.yaml:8:109: error[C016]: 'maybe' is not an option of variable 'c' (in the choices of indicator 'c')
                  hint: the options of 'c' are chair, deputy, none
                3 errors
                """,
            expectedVI: """
                t.yaml:8:43: lỗi[C016]: choices của tiêu chí 'c' bỏ sót lựa chọn 'deputy', 'none' của biến số liệu 'c'
                  gợi ý: ghi `points:` hoặc `score:` cho mọi lựa chọn của 'c'
                t.yaml:8:89: lỗi[C016]: 'depty' không phải lựa chọn của biến số liệu 'c' (trong choices của tiêu chí 'c')
                  gợi ý: có phải ý bạn là 'deputy'?
                t.yaml:8:109: lỗi[C016]: 'maybe' không phải lựa chọn của biến số liệu 'c' (trong choices của tiêu chí 'c')
                  gợi ý: các lựa chọn của 'c' là chair, deputy, none
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C017 missing rule parameters",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, score: {rule: linear, from: 0}}
                    - {id: b, name: B, value: a, score: {rule: distance_to_target}}
                    - {id: c, name: C, value: a, score: {rule: steps}}
                    - {id: d, name: D, value: a, score: {rule: steps, steps: [{points: 1}, {at_least: 0}]}}
                """,
            expected: """
                t.yaml:7:31: error[C017]: rule 'linear' of indicator 'a' has no 'to'
                  hint: add `from:` and `to:`, the values that score 0 and full
                t.yaml:8:41: error[C017]: rule 'distance_to_target' of indicator 'b' has no 'target'
                  hint: add `target: …`, the value that scores full
                t.yaml:9:41: error[C017]: rule 'steps' of indicator 'c' has no 'steps'
                  hint: add `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`
                t.yaml:10:63: error[C017]: a step of rule 'steps' of indicator 'd' has no 'at_least'
                  hint: add `at_least: …`, the lowest value that earns the step
                t.yaml:10:76: error[C017]: a step of rule 'steps' of indicator 'd' has neither 'points' nor 'score'
                  hint: add `points: …` (out of the indicator's weight) or `score: …` (a fraction in [0, 1])
                5 errors
                """,
            expectedVI: """
                t.yaml:7:31: lỗi[C017]: quy tắc 'linear' ở tiêu chí 'a' thiếu tham số 'to'
                  gợi ý: thêm `from:` và `to:`: giá trị được 0 điểm và giá trị được điểm tối đa
                t.yaml:8:41: lỗi[C017]: quy tắc 'distance_to_target' ở tiêu chí 'b' thiếu tham số 'target'
                  gợi ý: thêm `target: …`, giá trị mục tiêu được điểm tối đa
                t.yaml:9:41: lỗi[C017]: quy tắc 'steps' ở tiêu chí 'c' thiếu tham số 'steps'
                  gợi ý: thêm `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`
                t.yaml:10:63: lỗi[C017]: một bậc của quy tắc 'steps' ở tiêu chí 'd' thiếu 'at_least'
                  gợi ý: thêm `at_least: …`, giá trị thấp nhất để đạt bậc này
                t.yaml:10:76: lỗi[C017]: một bậc của quy tắc 'steps' ở tiêu chí 'd' không có 'points' cũng không có 'score'
                  gợi ý: thêm `points: …` (số điểm trên trọng số của tiêu chí) hoặc `score: …` (tỷ lệ trong [0, 1])
                5 lỗi
                """
        ),
        DiagnosticCase(
            name: "C018 invalid rule parameters",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, score: {rule: linear, from: 5, to: 5}}
                    - {id: b, name: B, value: a, score: {rule: zscore, sd: 0, sd_of: samples}}
                    - {id: c, name: C, value: a, score: {rule: minmax, over: everyone, range: [10, 0]}}
                    - {id: d, name: D, value: a, score: {rule: ratio, percent: yes}}
                    - {id: e, name: E, value: a, score: [{rule: zscore}, {rule: minmax, range: [0]}]}
                """,
            expected: """
                t.yaml:7:59: error[C018]: 'from' and 'to' of rule 'linear' of indicator 'a' are both 5
                  hint: use two different values: `from` scores 0, `to` scores full (from > to when lower is better)
                t.yaml:8:60: error[C018]: 'sd' of rule 'zscore' of indicator 'b' must be above 0, not 0
                  hint: `sd` is the spread of the result, such as 1 or 10
                t.yaml:8:70: error[C018]: 'sd_of' of rule 'zscore' of indicator 'b' must be one of sample, population, not 'samples'
                  hint: did you mean 'sample'?
                t.yaml:9:62: error[C018]: 'over' of rule 'minmax' of indicator 'c' must be one of group, all, not 'everyone'
                  hint: write one of the values listed
                t.yaml:9:79: error[C018]: 'range' of rule 'minmax' of indicator 'c' must go from low to high, not [10, 0]
                  hint: write the lower end first, such as `range: [0, 100]`
                t.yaml:10:64: error[C018]: 'percent' of rule 'ratio' of indicator 'd' must be true or false, not 'yes'
                  hint: write `percent: true` or `percent: false`
                t.yaml:11:80: error[C018]: 'range' of rule 'minmax' of indicator 'e' must be a list of two numbers, not a list of 1 item
                  hint: write `range: [0, 100]`
                7 errors
                """,
            expectedVI: """
                t.yaml:7:59: lỗi[C018]: 'from' và 'to' của quy tắc 'linear' ở tiêu chí 'a' cùng bằng 5
                  gợi ý: dùng hai giá trị khác nhau: `from` được 0 điểm, `to` được điểm tối đa (from > to khi càng thấp càng tốt)
                t.yaml:8:60: lỗi[C018]: 'sd' của quy tắc 'zscore' ở tiêu chí 'b' phải lớn hơn 0, không phải 0
                  gợi ý: `sd` là độ phân tán của kết quả, ví dụ 1 hoặc 10
                t.yaml:8:70: lỗi[C018]: 'sd_of' của quy tắc 'zscore' ở tiêu chí 'b' phải là một trong sample, population, không phải 'samples'
                  gợi ý: có phải ý bạn là 'sample'?
                t.yaml:9:62: lỗi[C018]: 'over' của quy tắc 'minmax' ở tiêu chí 'c' phải là một trong group, all, không phải 'everyone'
                  gợi ý: ghi một trong các giá trị đã nêu
                t.yaml:9:79: lỗi[C018]: 'range' của quy tắc 'minmax' ở tiêu chí 'c' phải đi từ thấp lên cao, không phải [10, 0]
                  gợi ý: ghi đầu thấp trước, ví dụ `range: [0, 100]`
                t.yaml:10:64: lỗi[C018]: 'percent' của quy tắc 'ratio' ở tiêu chí 'd' phải là true hoặc false, không phải 'yes'
                  gợi ý: ghi `percent: true` (có) hoặc `percent: false` (không)
                t.yaml:11:80: lỗi[C018]: 'range' của quy tắc 'minmax' ở tiêu chí 'e' phải là danh sách hai số, không phải một danh sách 1 mục
                  gợi ý: ghi `range: [0, 100]`
                7 lỗi
                """
        ),
        DiagnosticCase(
            name: "C019 a negative weight",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, weight: -2, score: {rule: ratio}}
                """,
            expected: """
                t.yaml:7:32: error[C019]: indicator 'a' has a negative weight -2
                  hint: use a weight of 0 or more (0 shows the node without scoring it)
                1 error
                """,
            expectedVI: """
                t.yaml:7:32: lỗi[C019]: tiêu chí 'a' có trọng số âm -2
                  gợi ý: ghi trọng số từ 0 trở lên (0: hiển thị mục mà không tính điểm)
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C020 an unknown rule",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, score: {rule: ration}}
                    - {id: b, name: B, value: a, score: {rule: magic}}
                    - {id: c, name: C, value: a, score: {percent: true}}
                """,
            expected: """
                t.yaml:7:38: error[C020]: unknown rule 'ration' in indicator 'a'
                  hint: did you mean 'ratio'?
                t.yaml:8:48: error[C020]: unknown rule 'magic' in indicator 'b'
                  hint: use one of ratio, linear, steps, choice, boolean, identity, fraction_of_max, minmax, zscore, rank, percentile, distance_to_target
                t.yaml:9:41: error[C003]: the score of indicator 'c' has no 'rule'
                  hint: add `rule: …`, one of ratio, linear, steps, choice, boolean, identity, fraction_of_max, minmax, zscore, rank, percentile, distance_to_target
                3 errors
                """,
            expectedVI: """
                t.yaml:7:38: lỗi[C020]: không có quy tắc chấm 'ration' (ở tiêu chí 'a')
                  gợi ý: có phải ý bạn là 'ratio'?
                t.yaml:8:48: lỗi[C020]: không có quy tắc chấm 'magic' (ở tiêu chí 'b')
                  gợi ý: dùng một trong ratio, linear, steps, choice, boolean, identity, fraction_of_max, minmax, zscore, rank, percentile, distance_to_target
                t.yaml:9:41: lỗi[C003]: cách chấm của tiêu chí 'c' thiếu khóa 'rule'
                  gợi ý: thêm `rule: …`, một trong ratio, linear, steps, choice, boolean, identity, fraction_of_max, minmax, zscore, rank, percentile, distance_to_target
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C021 a pillar with no children",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: p, name: P, children: []}
                    - {id: a, name: A, score: {rule: ratio}}
                """,
            expected: """
                t.yaml:7:34: error[C021]: pillar 'p' has an empty list of children
                  hint: add children, or remove `children:` to make 'p' an indicator
                1 error
                """,
            expectedVI: """
                t.yaml:7:34: lỗi[C021]: nhóm tiêu chí 'p' có danh sách mục con trống
                  gợi ý: thêm các mục con, hoặc xóa `children:` để 'p' thành một tiêu chí
                1 lỗi
                """
        ),
        DiagnosticCase(
            name: "C022 inconsistent variables",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: c, name: C, type: choice}
                  - {id: n, name: N, options: {a: A}}
                  - {id: m, name: M, min: 10, max: 5}
                  - {id: t, name: T, type: text, min: 0}
                  - {id: k, name: K, type: choice, options: {x: X}, formula: "1"}
                index: {children: [{id: n, name: N, score: {rule: ratio}}]}
                """,
            expected: """
                t.yaml:5:5: error[C022]: variable 'c' is a choice but has no 'options'
                  hint: add `options: {id: "label", …}` with every answer a unit can give
                t.yaml:6:22: error[C022]: variable 'n' has options but its type is number
                  hint: add `type: choice`, or remove `options:`
                t.yaml:7:31: error[C022]: variable 'm' has min 10 above its max 5
                  hint: swap them or fix one of them
                t.yaml:8:34: error[C022]: 'min' does not apply to variable 't' of type text
                  hint: only number, integer and percent variables have bounds; remove `min:`
                t.yaml:9:62: error[C022]: variable 'k' has a formula but its type is choice
                  hint: a formula computes a number: use type number, integer, percent or boolean
                5 errors
                """,
            expectedVI: """
                t.yaml:5:5: lỗi[C022]: biến số liệu 'c' có kiểu choice nhưng không có 'options'
                  gợi ý: thêm `options: {mã: "nhãn", …}` với mọi câu trả lời một đơn vị có thể chọn
                t.yaml:6:22: lỗi[C022]: biến số liệu 'n' có 'options' nhưng kiểu (type) là number
                  gợi ý: thêm `type: choice`, hoặc xóa `options:`
                t.yaml:7:31: lỗi[C022]: biến số liệu 'm' có min 10 lớn hơn max 5
                  gợi ý: đổi chỗ hai số, hoặc sửa một trong hai
                t.yaml:8:34: lỗi[C022]: khóa 'min' không dùng cho biến số liệu 't' kiểu text
                  gợi ý: chỉ biến số liệu kiểu number, integer và percent mới có giới hạn; xóa `min:`
                t.yaml:9:62: lỗi[C022]: biến số liệu 'k' có công thức nhưng kiểu (type) là choice
                  gợi ý: công thức cho ra một số: dùng kiểu number, integer, percent hoặc boolean
                5 lỗi
                """
        ),
        DiagnosticCase(
            name: "C023 choice, date and text variables where a number is needed",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: c, name: C, type: choice, options: {y: Y, n: N}}
                  - {id: t, name: T, type: date}
                  - {id: x, name: X}
                index:
                  children:
                    - {id: a, name: A, value: "c + x", score: {rule: ratio}}
                    - {id: b, name: B, value: "t", score: {rule: ratio}}
                    - {id: x, name: X, score: {rule: choice, choices: {y: {score: 1}, n: {score: 0}}}}
                    - {id: c, name: C, score: {rule: ratio}}
                """,
            expected: """
                t.yaml:10:32: error[C023]: choice variable 'c' cannot be used in arithmetic (in the value of indicator 'a')
                  hint: score a choice on its own: `value: c` with `score: {rule: choice, choices: {…}}`
                t.yaml:11:32: error[C023]: variable 't' is a date and cannot be used in the value of indicator 'b'
                  hint: dates and texts are stored and shown, not computed with
                t.yaml:12:31: error[C023]: rule 'choice' of indicator 'x' needs a choice variable as its value; its value 'x' is a number variable
                  hint: set `value:` to a variable of type choice, or use another rule
                t.yaml:13:7: error[C023]: indicator 'c' scores choice variable 'c' with rule 'ratio'
                  hint: give each option its points with `score: {rule: choice, choices: {…}}`
                4 errors
                """,
            expectedVI: """
                t.yaml:10:32: lỗi[C023]: biến lựa chọn 'c' không dùng được trong phép tính (ở biểu thức value của tiêu chí 'a')
                  gợi ý: chấm riêng biến lựa chọn: `value: c` với `score: {rule: choice, choices: {…}}`
                t.yaml:11:32: lỗi[C023]: biến số liệu 't' có kiểu date, không dùng được trong biểu thức value của tiêu chí 'b'
                  gợi ý: ngày tháng và văn bản chỉ để lưu và hiển thị, không dùng để tính
                t.yaml:12:31: lỗi[C023]: quy tắc 'choice' ở tiêu chí 'x' cần giá trị là một biến lựa chọn; giá trị 'x' là biến số liệu kiểu number
                  gợi ý: đặt `value:` là một biến số liệu kiểu choice, hoặc dùng quy tắc khác
                t.yaml:13:7: lỗi[C023]: tiêu chí 'c' chấm biến lựa chọn 'c' bằng quy tắc 'ratio'
                  gợi ý: ghi điểm cho từng lựa chọn bằng `score: {rule: choice, choices: {…}}`
                4 lỗi
                """
        ),
        DiagnosticCase(
            name: "C002 pillar keys on an indicator, indicator keys on a pillar, and root keys",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  weight: 5
                  children:
                    - id: p
                      name: P
                      value: a
                      direction: lower
                      children:
                        - {id: a, name: A, aggregate: sum, score: {rule: ratio}}
                """,
            expected: """
                t.yaml:6:3: error[C002]: 'weight' does not apply to the root node (index)
                  hint: the root's weight is the framework's `scale`
                t.yaml:10:7: error[C002]: 'value' does not apply to pillar 'p', which has children
                  hint: only indicators (nodes without children) have value, direction, missing and score
                t.yaml:11:7: error[C002]: 'direction' does not apply to pillar 'p', which has children
                  hint: only indicators (nodes without children) have value, direction, missing and score
                t.yaml:13:28: error[C002]: 'aggregate' does not apply to indicator 'a', which has no children
                  hint: remove `aggregate:`, or add `children:` to make 'a' a pillar
                4 errors
                """,
            expectedVI: """
                t.yaml:6:3: lỗi[C002]: khóa 'weight' không dùng cho mục gốc (index)
                  gợi ý: trọng số của mục gốc chính là thang điểm `scale` của bộ tiêu chí
                t.yaml:10:7: lỗi[C002]: khóa 'value' không dùng cho nhóm tiêu chí 'p', vì mục này có mục con
                  gợi ý: chỉ tiêu chí (mục không có mục con) mới có value, direction, missing và score
                t.yaml:11:7: lỗi[C002]: khóa 'direction' không dùng cho nhóm tiêu chí 'p', vì mục này có mục con
                  gợi ý: chỉ tiêu chí (mục không có mục con) mới có value, direction, missing và score
                t.yaml:13:28: lỗi[C002]: khóa 'aggregate' không dùng cho tiêu chí 'a', vì mục này không có mục con
                  gợi ý: xóa `aggregate:`, hoặc thêm `children:` để 'a' thành nhóm tiêu chí
                4 lỗi
                """
        ),
        DiagnosticCase(
            name: "C002 parameters of another rule name the rule's own",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables: [{id: a, name: A}]
                index:
                  children:
                    - {id: a, name: A, score: {rule: ratio, from: 0, precent: true}}
                    - {id: b, name: B, value: a, score: {rule: identity, over: all}}
                """,
            expected: """
                t.yaml:7:45: error[C002]: 'from' is not a parameter of rule 'ratio' (it belongs to rule 'linear') in indicator 'a'
                  hint: rule 'ratio' takes percent
                t.yaml:7:54: error[C002]: unknown key 'precent' in rule 'ratio' of indicator 'a'
                  hint: did you mean 'percent'?
                t.yaml:8:58: error[C002]: 'over' is not a parameter of rule 'identity' (it belongs to rules such as 'fraction_of_max') in indicator 'b'
                  hint: rule 'identity' takes no parameters
                3 errors
                """,
            expectedVI: """
                t.yaml:7:45: lỗi[C002]: 'from' không phải tham số của quy tắc 'ratio' mà của quy tắc 'linear' (ở tiêu chí 'a')
                  gợi ý: tham số của quy tắc 'ratio': percent
                t.yaml:7:54: lỗi[C002]: khóa 'precent' không dùng được trong quy tắc 'ratio' ở tiêu chí 'a'
                  gợi ý: có phải ý bạn là 'percent'?
                t.yaml:8:58: lỗi[C002]: 'over' không phải tham số của quy tắc 'identity' mà của các quy tắc như 'fraction_of_max' (ở tiêu chí 'b')
                  gợi ý: quy tắc 'identity' không có tham số
                3 lỗi
                """
        ),
        DiagnosticCase(
            name: "C004 C017 C018 rules written in the wrong shape, and rules inherited from defaults",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                variables:
                  - {id: a, name: A}
                  - {id: c, name: C, type: choice, options: {y: Y, n: N}}
                defaults: {score: {rule: boolean, true_points: 3}}
                index:
                  children:
                    - {id: a, name: A, weight: 2}
                    - {id: b, name: B, value: a, score: []}
                    - {id: d, name: D, value: a, score: ratio}
                    - {id: e, name: E, value: a, score: {rule: steps, steps: 5}}
                    - {id: f, name: F, value: a, score: {rule: steps, steps: [{at_least: 1, points: 1, score: 0.5}]}}
                    - {id: g, name: G, value: c, score: {rule: choice, choices: [y, n]}}
                    - {id: h, name: H, value: a, score: [{rule: ratio}, {rule: choice, choices: {y: {score: 1}}}]}
                    - {id: i, name: I, value: "a * 2", score: {rule: choice, choices: {y: {score: 1}}}}
                """,
            expected: """
                t.yaml:10:7: error[C015]: true_points 3 in rule 'boolean' (from defaults) are more than the weight 2 of indicator 'a'
                  hint: points are out of the indicator's weight: lower them or raise the weight
                t.yaml:11:41: error[C004]: 'score' of indicator 'b' is an empty list of rules
                  hint: write one rule, `score: {rule: ratio}`, or several to chain them
                t.yaml:12:41: error[C004]: 'score' of indicator 'd' must be a rule such as {rule: ratio}, not 'ratio'
                  hint: write `score: {rule: …}` with the rule's parameters inline
                t.yaml:13:62: error[C018]: 'steps' of rule 'steps' of indicator 'e' must be a non-empty list of steps, not '5'
                  hint: write `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`
                t.yaml:14:95: error[C018]: a step of rule 'steps' of indicator 'f' has both 'points' and 'score'
                  hint: keep one: `points` out of the indicator's weight, or `score` as a fraction in [0, 1]
                t.yaml:15:65: error[C018]: 'choices' of rule 'choice' of indicator 'g' must be a mapping of options to awards, not a list of 2 items
                  hint: write `choices: {chair: {points: 10}, none: {score: 0}}`
                t.yaml:16:57: error[C018]: rule 'choice' of indicator 'h' must come first in its chain
                  hint: a choice rule scores the option a unit chose; put it first
                t.yaml:17:47: error[C023]: rule 'choice' of indicator 'i' needs a choice variable as its value; its value is the expression 'a * 2'
                  hint: set `value:` to a variable of type choice, or use another rule
                8 errors
                """,
            expectedVI: """
                t.yaml:10:7: lỗi[C015]: true_points 3 trong quy tắc 'boolean' (lấy từ defaults) lớn hơn trọng số 2 của tiêu chí 'a'
                  gợi ý: số điểm tính trên trọng số của tiêu chí: hạ số điểm hoặc tăng trọng số
                t.yaml:11:41: lỗi[C004]: 'score' của tiêu chí 'b' là danh sách quy tắc trống
                  gợi ý: ghi một quy tắc, `score: {rule: ratio}`, hoặc nhiều quy tắc để áp dụng nối tiếp
                t.yaml:12:41: lỗi[C004]: 'score' của tiêu chí 'd' phải là một quy tắc như {rule: ratio}, không phải 'ratio'
                  gợi ý: ghi `score: {rule: …}`, các tham số của quy tắc viết ngay trong cặp ngoặc đó
                t.yaml:13:62: lỗi[C018]: 'steps' của quy tắc 'steps' ở tiêu chí 'e' phải là một danh sách bậc (không trống), không phải '5'
                  gợi ý: ghi `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`
                t.yaml:14:95: lỗi[C018]: một bậc của quy tắc 'steps' ở tiêu chí 'f' có cả 'points' lẫn 'score'
                  gợi ý: giữ một: `points` là số điểm trên trọng số của tiêu chí, `score` là tỷ lệ trong [0, 1]
                t.yaml:15:65: lỗi[C018]: 'choices' của quy tắc 'choice' ở tiêu chí 'g' phải ghi điểm cho từng lựa chọn, không phải một danh sách 2 mục
                  gợi ý: ghi `choices: {chair: {points: 10}, none: {score: 0}}`
                t.yaml:16:57: lỗi[C018]: quy tắc 'choice' ở tiêu chí 'h' phải đứng đầu chuỗi quy tắc
                  gợi ý: quy tắc choice chấm lựa chọn của đơn vị; đặt nó lên đầu
                t.yaml:17:47: lỗi[C023]: quy tắc 'choice' ở tiêu chí 'i' cần giá trị là một biến lựa chọn; giá trị là biểu thức 'a * 2'
                  gợi ý: đặt `value:` là một biến số liệu kiểu choice, hoặc dùng quy tắc khác
                8 lỗi
                """
        ),
        DiagnosticCase(
            name: "C004 C022 settings, variables, nodes and deductions of the wrong kind",
            yaml: """
                schema: ictindex/v1
                id: t
                name: T
                edition: [2025]
                decimals: 2.5
                groups: {id: g}
                variables:
                  - {id: [x], name: X}
                  - {id: c, name: C, type: choice, options: [y, n]}
                  - {id: d, name: D, type: choice, options: {}}
                  - {id: v, name: V, [k]: 1}
                index:
                  children:
                    - {id: a, name: A, value: "", applies_to: [], score: {rule: ratio}}
                    - {id: b, name: B, value: "5", applies_to: [[g]], score: {rule: ratio}}
                deductions:
                  - {id: late, name: L, points: "1", cap: -1}
                """,
            expected: """
                t.yaml:4:10: error[C004]: 'edition' of the framework must be a text, not a list of 1 item
                  hint: write `edition: …` with a text
                t.yaml:5:11: error[C004]: 'decimals' of the framework must be a whole number, not '2.5'
                  hint: write a number such as 2
                t.yaml:6:9: error[C004]: 'groups' of the framework must be a list, not a mapping
                  hint: write one item per line starting with `- `, or `[a, b]`
                t.yaml:8:10: error[C004]: the id of a variable must be a text, not a list of 1 item
                  hint: write `id: staff_total`
                t.yaml:9:45: error[C004]: 'options' of variable 'c' must be a mapping of option ids to labels, not a list of 2 items
                  hint: write `options: {chair: "Chủ tịch", none: "Không"}`
                t.yaml:10:45: error[C022]: variable 'd' has an empty list of options
                  hint: add every answer a unit can give: `options: {yes_full: "…", none: "…"}`
                t.yaml:11:22: error[C004]: variable 'v' has a key that is a list of 1 item, not a name
                  hint: keys are plain names such as `id`
                t.yaml:14:31: error[C004]: 'value' of indicator 'a' must be an expression, not ''
                  hint: write an expression over variables, such as `value: "computers / staff"`
                t.yaml:14:47: error[C004]: 'applies_to' of indicator 'a' is an empty list
                  hint: list the groups the node is scored for, or remove `applies_to:` to score it for every group
                t.yaml:15:49: error[C004]: 'applies_to' of indicator 'b' must list group ids, not a list of 1 item
                  hint: write `applies_to: [department]`
                t.yaml:17:43: error[C004]: 'cap' of deduction 'late' must be 0 or more, not -1
                  hint: the cap is the most the deduction can take away
                11 errors
                """,
            expectedVI: """
                t.yaml:4:10: lỗi[C004]: 'edition' của bộ tiêu chí phải là một đoạn chữ, không phải một danh sách 1 mục
                  gợi ý: ghi `edition: …` với một đoạn chữ
                t.yaml:5:11: lỗi[C004]: 'decimals' của bộ tiêu chí phải là một số nguyên, không phải '2.5'
                  gợi ý: ghi một số nguyên như 2
                t.yaml:6:9: lỗi[C004]: 'groups' của bộ tiêu chí phải là một danh sách, không phải các cặp khóa: giá trị
                  gợi ý: ghi mỗi mục một dòng bắt đầu bằng `- `, hoặc `[a, b]`
                t.yaml:8:10: lỗi[C004]: mã (id) của một biến số liệu phải là một đoạn chữ, không phải một danh sách 1 mục
                  gợi ý: ghi `id: staff_total`
                t.yaml:9:45: lỗi[C004]: 'options' của biến số liệu 'c' phải ghi mã và nhãn của từng lựa chọn, không phải một danh sách 2 mục
                  gợi ý: ghi `options: {chair: "Chủ tịch", none: "Không"}`
                t.yaml:10:45: lỗi[C022]: biến số liệu 'd' có danh sách lựa chọn trống
                  gợi ý: thêm mọi câu trả lời một đơn vị có thể chọn: `options: {yes_full: "…", none: "…"}`
                t.yaml:11:22: lỗi[C004]: biến số liệu 'v' có một khóa là một danh sách 1 mục, không phải một tên
                  gợi ý: khóa là một tên viết liền, như `id`
                t.yaml:14:31: lỗi[C004]: 'value' của tiêu chí 'a' phải là một biểu thức, không phải ''
                  gợi ý: ghi một biểu thức tính từ các biến số liệu, ví dụ `value: "computers / staff"`
                t.yaml:14:47: lỗi[C004]: 'applies_to' của tiêu chí 'a' là danh sách trống
                  gợi ý: liệt kê các khối được chấm mục này, hoặc xóa `applies_to:` để chấm cho mọi khối
                t.yaml:15:49: lỗi[C004]: 'applies_to' của tiêu chí 'b' phải liệt kê mã khối, không phải một danh sách 1 mục
                  gợi ý: ghi `applies_to: [department]`
                t.yaml:17:43: lỗi[C004]: 'cap' của điểm trừ 'late' phải từ 0 trở lên, không phải -1
                  gợi ý: `cap` là số điểm trừ tối đa
                11 lỗi
                """
        ),
    ]

    @Test("a criteria file with problems gets its exact report, in Vietnamese and in English", arguments: cases)
    func report(_ testCase: DiagnosticCase) {
        // Given a file with problems, when it is loaded, then the failure lists them all in file order, in the
        // language asked for.
        #expect(loadReport(testCase.yaml, .vi) == testCase.expectedVI)
        #expect(loadReport(testCase.yaml, .en) == testCase.expected)
    }
}
