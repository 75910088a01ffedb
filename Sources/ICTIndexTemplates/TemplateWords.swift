import ICTIndexCore

/// The template's texts, in Vietnamese or English.
struct TemplateWords {
    let language: Language

    private func t(_ vi: String, _ en: String) -> String { language == .en ? en : vi }

    var instructionsSheet: String { "Hướng dẫn" }
    var yesNo: (yes: String, no: String) { language == .en ? ("Yes", "No") : ("Có", "Không") }
    func title(period: String) -> String { t("PHIẾU TỰ ĐÁNH GIÁ NĂM \(period)", "SELF-ASSESSMENT FORM \(period)") }
    func pointsTitle(period: String) -> String { t("ĐIỂM TẠM TÍNH NĂM \(period)", "PROVISIONAL POINTS \(period)") }
    var unitLabel: String { t("Đơn vị", "Unit") }
    /// Page numbers restart on each sheet; LibreOffice's `&N` would count the whole workbook's pages.
    var footerPage: String { t("Trang &P", "Page &P") }
    var deadline: String { t("Hạn nộp", "Deadline") }
    var provisionalScore: String { t("Điểm tạm tính:", "Provisional score:") }
    var inputNote: String {
        t(
            "Nhập giá trị vào cột D (ô màu vàng) và minh chứng vào các cột I–M; các ô khác đã khoá. "
                + "Điểm tạm tính cập nhật khi nhập.",
            "Type values in column D (yellow cells) and evidence in columns I–M; other cells are locked. "
                + "The provisional score updates as you type.")
    }
    var inputHeader: [String] {
        [
            t("Mã", "Id"), t("STT", "No."), t("Chỉ tiêu", "Item"), t("Giá trị tự đánh giá", "Self-assessed value"),
            t("Đơn vị tính", "Unit of measure"), t("Giá trị cho phép", "Allowed values"), t("Kỳ trước", "Last period"),
            t("Minh chứng", "Evidence"),
        ]
    }
    var evidenceHeader: [String] {
        [
            t("Số hiệu văn bản", "Document number"), t("Tên văn bản", "Document title"), t("Ngày ban hành", "Date"),
            t("Trích yếu", "Summary"), t("Liên kết", "Link"), t("Ghi chú", "Note"),
        ]
    }
    /// Why "Trọng số 6" can sit beside "Điểm tối đa 6.52".
    var weightNote: String {
        t(
            "(*) Trọng số: theo bộ tiêu chí, so với các tiêu chí cùng nhóm. Điểm tối đa: số điểm đơn vị có thể đạt. "
                + "Khi một tiêu chí không áp dụng cho khối của đơn vị, điểm của nó được chia cho các tiêu chí còn lại "
                + "theo tỷ lệ trọng số, nên điểm tối đa có thể lớn hơn trọng số (ví dụ trọng số 6 → tối đa 6.52 điểm).",
            "(*) Weight: as in the criteria, relative to the other items of the same pillar. Max points: what the "
                + "unit can get. When an item does not apply to the unit's group, its points are spread over the "
                + "others in proportion to their weights, so the max points can exceed the weight (for example "
                + "weight 6 → at most 6.52 points).")
    }
    var pointsHeader: [String] {
        [
            t("Mã", "Id"), t("Tiêu chí, chỉ tiêu", "Pillar, indicator"), t("Trọng số (*)", "Weight (*)"),
            t("Điểm tối đa (*)", "Max points (*)"), t("Điểm tạm tính", "Provisional points"), t("Ghi chú", "Note"),
        ]
    }
    func evidence(_ requirement: Variable.EvidenceRequirement) -> String {
        switch requirement {
        case .required: t("Bắt buộc", "Required")
        case .optional: t("Không bắt buộc", "Optional")
        case .none: ""
        }
    }
    var dateFormat: String { t("Ngày (dd/mm/yyyy)", "A date (dd/mm/yyyy)") }
    var wholeNumber: String { t("Số nguyên", "Whole number") }
    var anyNumber: String { t("Số", "A number") }
    var anyText: String { t("Văn bản tự do", "Free text") }
    var inputTitle: String { t("Giá trị cho phép", "Allowed values") }
    var errorTitle: String { t("Giá trị không hợp lệ", "Invalid value") }
    func errorMessage(_ allowed: String) -> String {
        t("Giá trị này không được chấp nhận. Cho phép: \(allowed)", "This value is not accepted. Allowed: \(allowed)")
    }
    var departmentScored: String { t("Do Sở chấm", "By the department") }
    /// Where the band would be, while the department's part of the score is unknown.
    var bandLater: String { t("Xếp loại: sau khi Sở chấm", "Band: once the department has scored") }
    /// What the provisional score covers: "/ 74.57 điểm tự chấm; 25.43 điểm do Sở chấm — xếp loại sau khi Sở chấm".
    func coverage(selfScored: String, department: String) -> String {
        t(
            "/ \(selfScored) điểm tự chấm; \(department) điểm do Sở chấm — xếp loại sau khi Sở chấm",
            "/ \(selfScored) self-scored points; \(department) points scored by the department — band once they are")
    }
    var departmentScoredNote: String {
        t(
            "Chỉ tiêu so sánh giữa các đơn vị: do Sở chấm khi có số liệu của tất cả đơn vị; tạm tính 0 điểm.",
            "Compared across units: scored by the department once every unit has reported; counts 0 for now.")
    }
    var pillarSkipped: String { t("Không có chỉ tiêu nào được tính", "No indicator counts") }
    var deduction: String { t("Điểm trừ", "Deduction") }
    /// A deduction's cap, in the weight column: "trừ tối đa 10" rather than a bare 10 under "Trọng số".
    func deductionCap(_ x: String) -> String { t("trừ tối đa \(x)", "at most −\(x)") }
    func missing(_ policy: MissingPolicy) -> String {
        switch policy {
        case .zero: t("Chưa nhập số liệu: 0 điểm.", "No value yet: 0 points.")
        case .skip:
            t(
                "Chưa nhập số liệu: không tính, điểm các chỉ tiêu khác được quy đổi.",
                "No value yet: left out, the other indicators' weights are rescaled.")
        case .imputeMean, .imputeGroupMean:
            t(
                "Chưa nhập số liệu: Sở sẽ lấy giá trị trung bình của các đơn vị; tạm tính 0 điểm.",
                "No value yet: the department will use the units' mean; counts 0 for now.")
        case .error: t("Bắt buộc nhập số liệu.", "A value is required.")
        }
    }
    var bandsHeading: String { t("Xếp loại", "Bands") }
    var otherwise: String { t("còn lại", "otherwise") }
    /// The instructions; `recipient` is where the form goes (the criteria's `publication.recipient`).
    func instructions(scale: String, recipient: LocalizedText) -> [(String, String)] {
        [
            (
                t("Cần điền", "What to fill"),
                t(
                    "Sheet 'Tự đánh giá': mỗi dòng là một chỉ tiêu áp dụng cho đơn vị. Nhập giá trị vào cột D (ô màu "
                        + "vàng), đúng đơn vị tính và trong phạm vi ở cột F. Chỉ tiêu có/không và chỉ tiêu lựa chọn "
                        + "chọn từ danh sách. Ô để trống là chưa có số liệu.",
                    "Sheet 'Tự đánh giá': one row per item that applies to your unit. Type the value in column D "
                        + "(yellow), in the unit of measure and within the range of column F. Yes/no and choice items "
                        + "are picked from a list. A blank cell means no value.")
            ),
            (
                t("Minh chứng", "Evidence"),
                t(
                    "Với chỉ tiêu ghi 'Bắt buộc' ở cột H, phải ghi ít nhất một thông tin minh chứng: số hiệu, tên văn "
                        + "bản, ngày ban hành, trích yếu hoặc liên kết tới văn bản (cột I–M). Thiếu minh chứng bắt buộc "
                        + "thì phiếu bị từ chối khi nhập.",
                    "Items marked 'Required' in column H need at least one piece of evidence: the document's "
                        + "number, title, date, summary or a link to it (columns I–M). A form without required "
                        + "evidence is refused on import.")
            ),
            (
                t("Điểm tạm tính", "Provisional score"),
                t(
                    "Sheet 'Điểm tạm tính' tính điểm theo bộ tiêu chí khi bạn nhập (thang \(scale)). Chỉ tiêu so sánh "
                        + "giữa các đơn vị do Sở chấm sau, nên tạm tính 0 điểm. Điểm chính thức là điểm Sở thẩm định.",
                    "Sheet 'Điểm tạm tính' computes the points by the criteria as you type (out of \(scale)). "
                        + "Indicators that compare units are scored by the department later and count 0 for now. "
                        + "The official score is the one the department appraises.")
            ),
            (
                t("Không được sửa", "Do not change"),
                t(
                    "Không thêm, xoá, chuyển dòng hay sheet và không sửa các ô đã khoá. Phiếu bị sửa sẽ bị từ chối; "
                        + "khi đó hãy xin Sở phiếu mới và chép lại số liệu.",
                    "Do not insert, delete or move rows or sheets, and do not change locked cells. An altered form "
                        + "is refused; ask the department for a fresh one and copy your values into it.")
            ),
            (
                t("Gửi lại", "Return"),
                t(
                    "Lưu tệp .xlsx (Excel hoặc LibreOffice) và gửi cho \(recipient.vi) trước hạn nộp.",
                    "Save as .xlsx (Excel or LibreOffice) and send it to \(recipient.en ?? recipient.vi) before the "
                        + "deadline.")
            ),
        ]
    }
}
