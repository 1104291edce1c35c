/// The demographic fields a case may carry for equity reporting, each with the codes it takes. Only these
/// fields and codes are accepted, so a name, a date of birth or an NHS number can never be stored as a field
/// or a value, and never becomes a group label on the dashboard. docs/metrics.md lists them with their sources.
public enum EquityFields {
    /// Each field and its codes, in the order they are listed.
    public static let fields: [(name: String, codes: [String], source: String)] = [
        (
            "age-band", ["16-17", "18-24", "25-34", "35-44", "45-54", "55-64", "45-64", "65-74", "65+", "75+"],
            "ONS ten-year bands from 25, with 16-17 and 18-24 as NHS Talking Therapies reports them; 45-64 and 65+ "
                + "as coarser bands a service may use instead (StepCare's choice)"
        ),
        ("sex", ["female", "male", "other", "not-stated"], "StepCare's codes"),
        (
            "ethnicity",
            [
                "white", "white-british", "white-irish", "white-other", "mixed", "mixed-white-black-caribbean",
                "mixed-white-black-african", "mixed-white-asian", "mixed-other", "asian", "asian-indian",
                "asian-pakistani", "asian-bangladeshi", "asian-other", "black", "black-caribbean", "black-african",
                "black-other", "chinese", "other", "not-stated",
            ],
            "NHS Data Dictionary, Ethnic Category (2001 census categories A–S and Z) and their five broad groups"
        ),
        (
            "deprivation", ["1", "2", "3", "4", "5"],
            "English Indices of Deprivation quintile of the client's area, 1 the most deprived"
        ),
        ("imd-decile", (1...10).map(String.init), "English Indices of Deprivation decile, 1 the most deprived"),
        ("rurality", ["urban", "rural"], "ONS 2011 Rural-Urban Classification, in two"),
        ("disability", ["yes", "no", "not-stated"], "Equality Act 2010 protected characteristic, self-reported"),
        (
            "sexual-orientation", ["heterosexual", "gay-or-lesbian", "bisexual", "other", "not-stated"],
            "NHS Sexual Orientation Monitoring information standard (SCCI2094, 2017), its \"not sure\" folded into other"
        ),
        (
            "employment",
            ["employed", "unemployed", "student", "retired", "long-term-sick", "homemaker", "other"]
                + ["not-stated"], "StepCare's codes, after NHS Talking Therapies' employment status"
        ),
        ("first-language", ["english", "other", "not-stated"], "StepCare's codes"),
    ]

    /// The codes field `name` takes, or `nil` when it is not an equity field.
    public static func codes(of name: String) -> [String]? {
        fields.first { $0.name == name }?.codes
    }

    /// Checks every field and value of `demographics` against the lists.
    ///
    /// - Throws: `invalid-option` naming the field at fault (`demographics`) and what it accepts; what was typed is
    ///   not repeated, since it may be client data.
    public static func check(_ demographics: [String: String]) throws(StepCareError) {
        for (field, value) in demographics.sorted(by: { $0.key < $1.key }) {
            guard let codes = codes(of: field) else {
                throw StepCareError(
                    .invalidOption,
                    "a field given is not an equity field (what was typed is not repeated: it may be client data)",
                    hint: "fields: " + fields.map(\.name).joined(separator: ", ")
                        + " (coded values only: a name or identifier is never a demographic field)",
                    field: "demographics")
            }
            guard codes.contains(value) else {
                throw StepCareError(
                    .invalidOption, "the value given for \(field) is not one of its codes",
                    hint: "\(field) takes: " + codes.joined(separator: ", "), field: "demographics")
            }
        }
    }
}
