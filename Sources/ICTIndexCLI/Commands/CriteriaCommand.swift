import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexCriteriaWorkbook
import OrderedCollections
import XLSXWriter

/// `ictindex criteria check|show|export|import`.
struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria",
        abstract:
            "Kiểm tra, hiển thị, xuất / nhập bộ tiêu chí bằng Excel / Check, show, export and import criteria files.",
        subcommands: [Check.self, Show.self, Export.self, Import.self]
    )

    /// `ictindex criteria check FILE…`: validates every file, reports every problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check criteria files; print every problem (exit 64 if any file is invalid).")

        @Argument(help: "Criteria files (YAML).")
        var files: [String]

        @Option(help: "Language of messages: vi or en (also ICTINDEX_LANG).")
        var lang: OutputLanguage = .vi

        func run() throws {
            Console.keepFreedMemory()
            var diagnostics: [Diagnostic] = []
            var summaries: [String] = []
            for file in files {
                do {
                    let loaded = try FrameworkLoader().load(path: file)
                    Console.keepUntilExit(loaded)
                    diagnostics += loaded.warnings
                    let f = loaded.framework
                    let name = "\(f.id)\(f.edition.map { " (\($0))" } ?? "")"
                    summaries.append(
                        "ok: \(file): "
                            + MessageLanguage.pick(
                                vi: "\(name), \(f.pillars.count) nhóm tiêu chí, \(f.indicators.count) tiêu chí, "
                                    + "\(f.variables.count) số liệu, \(f.groups.count) khối, \(f.bands.count) mức xếp loại",
                                en: "\(name), \(f.pillars.count) pillars, \(f.indicators.count) indicators, "
                                    + "\(f.variables.count) variables, \(f.groups.count) groups, \(f.bands.count) bands"
                            ))
                } catch {
                    diagnostics += error.diagnostics
                }
            }
            if !summaries.isEmpty { Console.out(summaries.joined(separator: "\n")) }
            Console.report(diagnostics)
            if diagnostics.hasErrors { throw ExitCode.validationFailure }
        }
    }

    /// `ictindex criteria show FILE`: the tree with rules, effective weights and max points.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a criteria file as a tree with effective weights and max points.")

        @Argument(help: "A criteria file (YAML).")
        var file: String

        @Option(help: "Language of names: vi or en.")
        var lang: OutputLanguage = .vi

        func run() throws {
            try Console.run {
                let loaded = try FrameworkLoader().load(path: file)
                Console.out(FrameworkTree(framework: loaded.framework, language: lang.language).render())
                Console.report(loaded.warnings)
            }
        }
    }
}

extension CriteriaCommand {
    /// `ictindex criteria export FILE.yaml --out FILE.xlsx`: the criteria as the table a department publishes.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a criteria file as an Excel workbook to edit (read it back with 'criteria import').",
            discussion: """
                One sheet per part of the file: Thông tin chung (general settings and the publication block), \
                Khối (groups), Xếp loại (bands), Số liệu (variables), Tiêu chí (the tree, one row per criterion \
                numbered 1, 1.1, 1.1.1, with maximum points, the decision's wording and the rule) and Điểm trừ \
                (deductions). Grey columns are computed and ignored when the workbook is read back.

                Example:
                  ictindex criteria export Criteria/vn-province-agencies.yaml --out tieu-chi.xlsx
                """)

        @Argument(help: "A criteria file (YAML).")
        var file: String

        @Option(help: "The workbook to write (.xlsx).")
        var out: String

        @Option(help: "Language of headers and computed columns: vi or en.")
        var lang: OutputLanguage = .vi

        func validate() throws {
            if !out.lowercased().hasSuffix(".xlsx") {
                throw ValidationError(
                    "--out '\(out)' is not an .xlsx file; the criteria workbook is written as NAME.xlsx")
            }
        }

        func run() throws {
            try Console.run {
                let loaded = try FrameworkLoader().load(path: file)
                let yaml = try loaded.framework.sourceText ?? InputFile.read(file, what: InputKind.criteria)
                let workbook = try CriteriaWorkbookWriter(yaml: yaml, loaded: loaded, language: lang.language)
                    .spreadsheet()
                try ReportsFolder.prepare(forOutput: out)
                do {
                    try XLSXWriter.write(workbook, to: URL(fileURLWithPath: out))
                } catch let failure as XLSXError {
                    throw RuntimeFailure(failure)
                }
                Console.report(loaded.warnings)
                let f = loaded.framework
                Console.out(
                    lang == .en
                        ? "\(out): \(f.indicators.count) indicators, \(f.variables.count) variables of \(f.id)"
                        : "\(out): \(f.indicators.count) tiêu chí, \(f.variables.count) số liệu của \(f.id)")
            }
        }
    }

    /// `ictindex criteria import FILE.xlsx --out FILE.yaml`: a criteria workbook back into a criteria file.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a criteria workbook (from 'criteria export', or typed in its layout) into a criteria file.",
            discussion: """
                The workbook is checked like a YAML file; every problem is reported at once with its sheet and \
                cell, and nothing is written unless the whole workbook is valid (exit code 64).

                Example:
                  ictindex criteria import tieu-chi.xlsx --out Criteria/my-province-2026.yaml
                """)

        @Argument(help: "A criteria workbook (.xlsx).")
        var file: String

        @Option(help: "The criteria file to write (.yaml).")
        var out: String

        @Option(help: "Language of messages: vi or en.")
        var lang: OutputLanguage = .vi

        func validate() throws {
            let lower = out.lowercased()
            if !(lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")) {
                throw ValidationError("--out '\(out)' is not a .yaml file; the criteria file is written as NAME.yaml")
            }
        }

        func run() throws {
            try Console.run {
                guard FileManager.default.fileExists(atPath: file) else {
                    throw ValidationFailure(diagnostics: [
                        .error(
                            .emptyFile, at: SourceLocation(file: file),
                            Words(
                                vi: "không có bảng tiêu chí '\(file)'", en: "criteria workbook '\(file)' does not exist"
                            ),
                            hint: Words(
                                vi: "kiểm tra đường dẫn; đường dẫn tính từ \(FileManager.default.currentDirectoryPath)",
                                en: "check the path; it is relative to \(FileManager.default.currentDirectoryPath)"))
                    ])
                }
                let result = CriteriaWorkbookReader(path: file).read()
                guard let loaded = result.loaded, !result.diagnostics.hasErrors else {
                    throw ValidationFailure(diagnostics: result.diagnostics)
                }
                let text =
                    "# Made by `ictindex criteria import` from \((file as NSString).lastPathComponent).\n" + result.yaml
                do {
                    try text.write(toFile: out, atomically: true, encoding: .utf8)
                } catch {
                    throw RuntimeFailure(
                        vi: "\(out): không ghi được tệp tiêu chí: \(error.localizedDescription)",
                        en: "\(out): cannot write the criteria file: \(error.localizedDescription)")
                }
                Console.report(result.diagnostics)
                let f = loaded.framework
                Console.out(
                    lang == .en
                        ? "\(out): \(f.id), \(f.pillars.count) pillars, \(f.indicators.count) indicators, \(f.variables.count) variables (checked)"
                        : "\(out): \(f.id), \(f.pillars.count) nhóm, \(f.indicators.count) tiêu chí, \(f.variables.count) số liệu (đã kiểm tra)"
                )
            }
        }
    }
}

/// The framework as an indented tree: id, name, weight, effective weight, max points, rule.
struct FrameworkTree {
    let framework: Framework
    let language: Language

    func render() -> String {
        let f = framework
        let nominal = f.nominalWeights()
        var lines = [
            "\(f.name.text(language)) [\(f.id)\(f.edition.map { " \($0)" } ?? "")]",
            (language.say(vi: "thang điểm ", en: "scale ")) + NumberFormatting.plain(f.scale) + ", "
                + (language.say(vi: "số chữ số thập phân ", en: "decimals ")) + "\(f.decimals), "
                + (language.say(vi: "xếp hạng theo điểm ", en: "rank on ")) + f.rankOn.rawValue,
        ]
        let groups = f.groups.values.map {
            $0.id.rawValue + ($0.ranked ? "" : language.say(vi: " (không xếp hạng)", en: " (not ranked)"))
        }
        lines.append((language.say(vi: "khối: ", en: "groups: ")) + groups.joined(separator: ", "))
        if !f.bands.isEmpty {
            lines.append(
                (language.say(vi: "xếp loại: ", en: "bands: "))
                    + f.bands.map { band in
                        switch band.bound {
                        case .atLeast(let x): "\(band.name.text(language)) ≥ \(NumberFormatting.plain(x))"
                        case .above(let x): "\(band.name.text(language)) > \(NumberFormatting.plain(x))"
                        case .any: band.name.text(language)
                        }
                    }.joined(separator: ", "))
        }
        lines.append("")
        var rows: [[String]] = [
            [
                language.say(vi: "mục", en: "node"), language.say(vi: "trọng số", en: "weight"),
                language.say(vi: "hiệu dụng", en: "effective"),
                language.say(vi: "điểm tối đa", en: "max points"), language.say(vi: "quy tắc", en: "rule"),
            ]
        ]
        for node in f.nodes.values {
            let indent = String(repeating: "  ", count: node.level)
            let eff = nominal[node.id] ?? 0
            var rule = ""
            switch node.kind {
            case .pillar(let aggregate, _): rule = aggregate.rawValue
            case .indicator(let indicator):
                rule = indicator.rules.map(\.summary).joined(separator: " → ")
                if indicator.value.isSingleVariable == nil { rule = "\(indicator.value.source) ⇒ " + rule }
                if indicator.direction == .lower {
                    rule += language.say(vi: " (càng thấp càng tốt)", en: " (lower is better)")
                }
                if indicator.missing != .zero { rule += " [missing: \(indicator.missing.rawValue)]" }
            }
            if let groups = node.appliesTo {
                rule += " {" + groups.map(\.rawValue).sorted().joined(separator: ", ") + "}"
            }
            rows.append([
                indent + node.id.rawValue + " " + node.name.text(language),
                NumberFormatting.short(node.weight), NumberFormatting.short(eff, maxDecimals: 4),
                NumberFormatting.short(eff * f.scale, maxDecimals: 4), rule,
            ])
        }
        // Under each node, the rule as the decision words it (`description`), verbatim.
        var table = TableRenderer.align(rows, rightAligned: [1, 2, 3]).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        for (offset, node) in f.nodes.values.enumerated().reversed() {
            guard let description = node.description?.text(language), offset + 1 < table.count else { continue }
            let indent = String(repeating: "  ", count: node.level + 1)
            table.insert(indent + "“" + description + "”", at: offset + 2)
        }
        lines.append(table.joined(separator: "\n"))
        if !f.deductions.isEmpty {
            lines.append("")
            lines.append(language.say(vi: "điểm trừ:", en: "deductions:"))
            for d in f.deductions {
                lines.append(
                    "  \(d.id) \(d.name.text(language)): \(d.points.source)"
                        + (d.cap.map { ", " + (language.say(vi: "tối đa ", en: "cap ")) + NumberFormatting.plain($0) }
                            ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension ScoringRule {
    /// The rule and its parameters, as written in criteria files.
    var summary: String {
        let p = NumberFormatting.short
        switch self {
        case .ratio(let percent): return percent ? "ratio (percent)" : "ratio"
        case .linear(let from, let to): return "linear \(p(from, 4))→\(p(to, 4))"
        case .steps(let steps):
            return "steps " + steps.map { "≥\(p($0.atLeast, 4)):\(Self.award($0.award))" }.joined(separator: " ")
        case .choice(let choices):
            return "choice " + choices.map { "\($0.key):\(Self.award($0.value))" }.joined(separator: " ")
        case .boolean(let truePoints): return "boolean" + (truePoints.map { " (\(p($0, 4)) pts)" } ?? "")
        case .identity: return "identity"
        case .fractionOfMax(let over): return "fraction_of_max over \(over.rawValue)"
        case .minmax(let over, let range):
            return "minmax over \(over.rawValue)"
                + (range.map { " [\(p($0.lowerBound, 4)), \(p($0.upperBound, 4))]" } ?? "")
        case .zscore(let over, let mean, let sd, let sdOf):
            return "zscore over \(over.rawValue) (mean \(p(mean, 4)), sd \(p(sd, 4)), \(sdOf.rawValue))"
        case .rank(let over): return "rank over \(over.rawValue)"
        case .percentile(let over): return "percentile over \(over.rawValue)"
        case .distanceToTarget(let target, let over): return "distance_to_target \(p(target, 4)) over \(over.rawValue)"
        }
    }

    private static func award(_ award: Award) -> String {
        switch award {
        case .points(let x): NumberFormatting.short(x) + "pts"
        case .score(let f): NumberFormatting.short(f)
        }
    }
}
