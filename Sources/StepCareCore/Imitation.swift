/// Keeps a data-defined instrument from passing for a registered one. Its short name and title are written in
/// Latin script (ASCII and accented Latin letters, digits, spaces and punctuation), so no look-alike letter from
/// another script, no full-width or mathematical form and no combining mark can make "PHQ-9" without being
/// PHQ-9; then its id, short name and title are compared with every registered instrument's, folded to
/// lower-case letters and digits without accents.
extension Registry {
    /// The registered instrument that `definition` imitates, if any. A folded name of `definition` imitates a
    /// registered one when it equals it, begins with it or begins it (names of three characters or more), or
    /// contains it (names of four or more with a digit, such as `phq9`: "The PHQ-9", "NHS PHQ-9"). An instrument
    /// with `definition`'s own id is a new edition of itself, not an imitation.
    public func imitated(by definition: InstrumentDefinition) -> InstrumentDefinition? {
        let names = [definition.id, definition.shortName, definition.title].map(Imitation.key)
        for registered in instruments.map(\.definition) where registered.id != definition.id {
            let known = [registered.id, registered.shortName, registered.title].map(Imitation.key)
            for name in names where !name.isEmpty {
                for original in known where !original.isEmpty {
                    if name == original { return registered }
                    if original.count >= 3, name.count >= 3, name.hasPrefix(original) || original.hasPrefix(name) {
                        return registered
                    }
                    if original.count >= 4, original.contains(where: \.isNumber), name.contains(original) {
                        return registered
                    }
                }
            }
        }
        return nil
    }

    /// Refuses a data-defined `definition` whose short name or title is not in Latin script, has no letter or
    /// digit, or imitates a registered instrument (``imitated(by:)``).
    ///
    /// - Throws: `invalid-definition` naming the field, or the instrument imitated. What was written is not
    ///   repeated when it holds characters a terminal could misread.
    public func refuseImitation(_ definition: InstrumentDefinition) throws(StepCareError) {
        for (field, text) in [("shortName", definition.shortName), ("title", definition.title)] {
            guard text.unicodeScalars.allSatisfy(Imitation.isLatin) else {
                throw StepCareError(
                    .invalidDefinition,
                    "instrument \(definition.id): \(field) has a character outside Latin script, or a control "
                        + "character",
                    hint: "write it with Latin letters (accents allowed), digits, spaces and punctuation; "
                        + "look-alike letters from other scripts could pass for a registered instrument",
                    field: field)
            }
            guard !Imitation.key(text).isEmpty else {
                throw StepCareError(
                    .invalidDefinition, "instrument \(definition.id): \(field) has no letter or digit",
                    hint: "give the instrument a name staff can read", field: field)
            }
        }
        guard let original = imitated(by: definition) else { return }
        throw StepCareError(
            .invalidDefinition,
            "instrument \(definition.id) (\"\(definition.shortName)\") imitates the registered \(original.shortName) "
                + "(\(original.id)): its id, short name or title could be read as that instrument",
            hint: "give it an id, short name and title of its own; a service's version of \(original.shortName) is "
                + "not \(original.shortName)")
    }
}

/// How names are folded for the imitation check.
enum Imitation {
    /// Whether `scalar` may appear in a data-defined instrument's name: printable Basic Latin, Latin-1 and
    /// Latin Extended-A, and the dashes and quotation marks of General Punctuation.
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x17F, 0x2010...0x201F: true
        default: false
        }
    }

    /// `text` lower-cased, accents removed, letters and digits only: "Pátient Health Questionnaire-9" and
    /// "patienthealthquestionnaire9" fold alike.
    static func key(_ text: String) -> String {
        var key = ""
        for character in text.lowercased() {
            if let folded = folding[character] {
                key += folded
            } else if character.isASCII, character.isLetter || character.isNumber {
                key.append(character)
            } else if !character.isASCII, character.isLetter {
                key.append(character)
            }
        }
        return key
    }

    /// Accented Latin letters (lower case) and the Latin-1 superscripts and ordinals, by what they fold to.
    private static let folding: [Character: String] = {
        var table: [Character: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ĳ": "ij", "ı": "i"]
        let groups = [
            "aàáâãäåāăąª", "cçćĉċč", "dď", "eèéêëēĕėęě", "gĝğġģ", "hĥħ", "iìíîïĩīĭįi̇", "jĵ", "kķĸ",
            "lĺļľŀł", "nñńņňŉŋ", "oòóôõöøōŏőº", "rŕŗř", "sśŝşšſ", "tţťŧ", "uùúûüũūŭůűų", "wŵ", "yýÿŷ", "zźżž",
            "1¹", "2²", "3³",
        ]
        for group in groups {
            guard let base = group.first else { continue }
            for character in group.dropFirst() { table[character] = String(base) }
        }
        table["đ"] = "d"
        return table
    }()
}
