import GRDB
public import ICTIndexCore

extension IndexDatabase {
    // MARK: - Reads

    /// Every unit, by code.
    public func units() throws(StorageError) -> [Unit] {
        try read(Words(vi: "đọc danh sách đơn vị", en: "reading units")) { db in
            try UnitRecord.order(UnitRecord.Columns.code).fetchAll(db).map(\.unit)
        }
    }

    /// The units that exist on the last day of a period (``Unit/exists(inPeriod:)``), by code.
    public func units(inPeriod period: String) throws(StorageError) -> [Unit] {
        try units().filter { $0.exists(inPeriod: period) }
    }

    /// One unit, when it exists on the last day of the period (``Unit/exists(inPeriod:)``).
    ///
    /// Codes compare as Swift strings: a code written in another Unicode normal form than the stored one is
    /// found too (by reading every unit, which the lookup by key avoids when the bytes match).
    public func unit(_ code: UnitCode, inPeriod period: String) throws(StorageError) -> Unit? {
        let found = try read(Words(vi: "đọc đơn vị '\(code)'", en: "reading unit '\(code)'")) { db in
            try UnitRecord.filter(UnitRecord.Columns.code == code.rawValue).fetchOne(db)?.unit
        }
        var unit = found
        if unit == nil { unit = try units().first { $0.code == code } }
        return unit.flatMap { $0.exists(inPeriod: period) ? $0 : nil }
    }

    // MARK: - Writes

    /// Adds or updates units, and records their lineage (each unit with a successor is linked to it).
    ///
    /// One transaction; every added or changed unit is in the audit log. Units not in the list are kept.
    ///
    /// - Parameters:
    ///   - units: the units, as read from a units file.
    ///   - file: the file's name, for the audit log.
    ///   - who: the person or system importing.
    /// - Returns: how many units were added, changed and unchanged.
    public func importUnits(_ units: [Unit], file: String, who: String) throws(StorageError) -> ImportSummary {
        let at = clock()
        return try write(Words(vi: "nhập đơn vị từ \(file)", en: "importing units from \(file)")) { db in
            var summary = ImportSummary()
            for unit in units {
                let record = UnitRecord(unit)
                let old = try UnitRecord.fetchOne(db, key: record.code)
                if let old, old == record {
                    summary.unchanged += 1
                    continue
                }
                try record.save(db)
                var entry = AuditEntryRecord(
                    at: at, who: who, action: old == nil ? "unit.add" : "unit.change", unit: record.code,
                    oldValue: old?.auditText, newValue: record.auditText, detail: file)
                try entry.insert(db)
                if old == nil { summary.added += 1 } else { summary.changed += 1 }
                try UnitLineageRecord.filter(UnitLineageRecord.Columns.predecessor == record.code).deleteAll(db)
                if let successor = record.successor, successor != record.code {
                    try UnitLineageRecord(predecessor: record.code, successor: successor, effective: record.validTo)
                        .insert(db)
                }
            }
            return summary
        }
    }
}
