import ICTIndexCore

extension FrameworkReader {
    /// Reads `groups:`, the ranking groups.
    mutating func readGroups(_ value: YAMLValue) {
        guard let items = list(value, key: "groups", of: Words(vi: "bộ tiêu chí", en: "the framework")) else { return }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let what =
                item.peek("id").map { Words(vi: "khối '\($0)'", en: "group '\($0)'") }
                ?? Words(vi: "một khối", en: "a group")
            guard let fields = fields(item, of: what, allowed: ["id", "name", "ranked"]) else { continue }
            var groupID: String?
            if let idValue = fields["id"] {
                groupID = id(idValue, of: what, syntax: .group)
                if let groupID { unique(groupID, kind: IDSyntax.group.kind, at: idValue.location, in: &seen) }
            } else {
                missing("id", in: fields, of: what)
            }
            var name: LocalizedText?
            if let nameValue = fields["name"] {
                name = text(nameValue, key: "name", of: what)
            } else {
                missing("name", in: fields, of: what)
            }
            var ranked = true
            if let rankedValue = fields["ranked"], let flag = bool(rankedValue, key: "ranked", of: what) {
                ranked = flag
            }
            if let groupID, let name {
                groups.append(Group(id: GroupID(groupID), name: name, ranked: ranked, source: item.location))
            }
        }
    }

    /// Reads `bands:` and checks that they go from the highest bound down.
    mutating func readBands(_ value: YAMLValue) {
        guard let items = list(value, key: "bands", of: Words(vi: "bộ tiêu chí", en: "the framework")) else { return }
        var seen: [String: SourceLocation] = [:]
        var read: [(band: Band, location: SourceLocation)] = []
        for item in items {
            let what =
                item.peek("id").map { Words(vi: "xếp loại '\($0)'", en: "band '\($0)'") }
                ?? Words(vi: "một xếp loại", en: "a band")
            guard let fields = fields(item, of: what, allowed: ["id", "name", "min", "above"]) else { continue }
            var bandID: String?
            if let idValue = fields["id"] {
                bandID = id(idValue, of: what, syntax: .band)
                if let bandID { unique(bandID, kind: IDSyntax.band.kind, at: idValue.location, in: &seen) }
            } else {
                missing("id", in: fields, of: what)
            }
            var name: LocalizedText?
            if let nameValue = fields["name"] {
                name = text(nameValue, key: "name", of: what)
            } else {
                missing("name", in: fields, of: what)
            }
            var bound: Band.Bound? = Band.Bound.any
            switch (fields["min"], fields["above"]) {
            case (let min?, nil):
                bound = number(min, key: "min", of: what).map(Band.Bound.atLeast)
            case (nil, let above?):
                bound = number(above, key: "above", of: what).map(Band.Bound.above)
            case (_?, let above?):
                error(
                    .invalidValue, at: above.location,
                    Words(vi: "\(what.vi) có cả 'min' lẫn 'above'", en: "\(what.en) has both 'min' and 'above'"),
                    hint: Words(
                        vi: "giữ một: `min` tính cả ngưỡng (điểm ≥ min), `above` không tính ngưỡng (điểm > above)",
                        en: "keep one: `min` is inclusive (score ≥ min), `above` is exclusive (score > above)"))
                bound = nil
            case (nil, nil):
                break
            }
            if let bandID, let name, let bound {
                read.append((Band(id: BandID(bandID), name: name, bound: bound, source: item.location), item.location))
            }
        }
        checkBandOrder(read)
        bands = read.map(\.band)
    }

    /// Bands must be listed highest first, with strictly falling thresholds; only the last may have no bound.
    mutating func checkBandOrder(_ read: [(band: Band, location: SourceLocation)]) {
        var previous: Band?
        for (index, (band, location)) in read.enumerated() {
            if case .any = band.bound {
                if index != read.count - 1 {
                    error(
                        .bandsOrder, at: location,
                        Words(
                            vi: "xếp loại '\(band.id)' không có ngưỡng nhưng không đứng cuối",
                            en: "band '\(band.id)' has no bound but is not the last band"),
                        hint: Words(
                            vi: "ghi `min:` hoặc `above:` cho xếp loại này, hoặc chuyển nó xuống cuối: "
                                + "chỉ xếp loại cuối cùng được không có ngưỡng",
                            en:
                                "give it `min:` or `above:`, or move it to the end: "
                                + "only the last band may have no bound"
                        ))
                }
                continue
            }
            if let previous, band.bound.threshold >= previous.bound.threshold {
                error(
                    .bandsOrder, at: location,
                    Words(
                        vi: "xếp loại '\(band.id)' (\(band.bound.text.vi)) đứng sau xếp loại '\(previous.id)' "
                            + "(\(previous.bound.text.vi)) nhưng ngưỡng không thấp hơn",
                        en: "band '\(band.id)' (\(band.bound.text.en)) comes after band '\(previous.id)' "
                            + "(\(previous.bound.text.en)), but its bound is not lower"),
                    hint: Words(
                        vi: "liệt kê các xếp loại từ ngưỡng cao nhất xuống thấp",
                        en: "list the bands from the highest bound down"))
            }
            previous = band
        }
    }
}

extension Band.Bound {
    /// The bound as written in the file: `min 85`, `above 0.75`.
    var text: Words {
        switch self {
        case .atLeast(let x): .verbatim("min \(x.plain)")
        case .above(let x): .verbatim("above \(x.plain)")
        case .any: Words(vi: "không có ngưỡng", en: "no bound")
        }
    }
}
