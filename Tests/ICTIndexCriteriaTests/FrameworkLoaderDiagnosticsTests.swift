import ICTIndexCore
import ICTIndexCriteria
import Testing

/// A criteria file with problems, and the exact report the loader gives it.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let expected: String

    var testDescription: String { name }
}

/// Every kind of problem in a criteria file, with its full rendered report (DESIGN §3, STYLE D).
///
/// Each case is a tiny file; the expected text is what `ictindex criteria check` prints: one
/// `file:line:column: error[code]: message` line per problem, its hint, and the count line.
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
                """
        ),
    ]

    @Test("a criteria file with problems gets its exact report", arguments: cases)
    func report(_ testCase: DiagnosticCase) {
        // Given a file with problems, when it is loaded, then the failure lists them all in file order.
        #expect(render(testCase.yaml) == testCase.expected)
    }

    func render(_ yaml: String) -> String { loadReport(yaml) }
}
