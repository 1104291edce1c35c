import StepCareCore
import StepCareReports

/// Reading simulation option values: numbers and lists, each error naming the option and how to write it.
struct SimulationOptions {
    let invocation: Invocation

    func double(_ name: String) throws(Diagnostic) -> Double? {
        guard let word = invocation.values[name] else { return nil }
        guard let value = Double(word.text), value.isFinite else {
            throw Diagnostic(.invalidOption, "--\(name) takes a number, not \"\(word.text)\"", at: word.location)
        }
        return value
    }

    func integer(_ name: String, atLeast minimum: Int) throws(Diagnostic) -> Int? {
        guard let word = invocation.values[name] else { return nil }
        guard let value = Int(word.text), value >= minimum else {
            throw Diagnostic(
                .invalidOption, "--\(name) takes a whole number of at least \(minimum), not \"\(word.text)\"",
                at: word.location)
        }
        return value
    }

    func seed() throws(Diagnostic) -> UInt64 {
        guard let word = invocation.values["seed"] else { return 1 }
        guard let value = UInt64(word.text) else {
            throw Diagnostic(
                .invalidOption, "--seed takes a whole number from 0 to 2⁶⁴ − 1, not \"\(word.text)\"",
                at: word.location)
        }
        return value
    }

    func list<T>(_ name: String, separator: Character = ",", _ parse: (String) -> T?) throws(Diagnostic) -> [T]? {
        guard let word = invocation.values[name] else { return nil }
        var values: [T] = []
        for part in word.text.split(separator: separator, omittingEmptySubsequences: false) {
            guard let value = parse(part.trimmingSpaces) else {
                throw Diagnostic(
                    .invalidOption, "--\(name): \"\(part)\" is not a number",
                    hint: "write the values separated by '\(separator)', e.g. --caps 156,284,146", at: word.location)
            }
            values.append(value)
        }
        return values
    }

    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws(Diagnostic) -> T?
    where T.RawValue == String {
        guard let word = invocation.values[name] else { return nil }
        guard let value = T(rawValue: word.text) else {
            throw Diagnostic(
                .invalidOption, "--\(name) is one of \(T.allCases.map(\.rawValue).joined(separator: ", "))",
                hint: "not \"\(word.text)\"", at: word.location)
        }
        return value
    }
}
