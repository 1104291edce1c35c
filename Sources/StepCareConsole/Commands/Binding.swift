import StepCareCore
import StepCareReports

extension CommandSpec {
    /// Binds expanded words to this command's arguments and options.
    ///
    /// - Throws: a ``Diagnostic`` for an unknown option (with the nearest names), a missing option value,
    ///   a missing argument or an unexpected one, located at the offending word.
    func bind(_ words: [CommandArgument], at location: SourceLocation?) throws(Diagnostic) -> Invocation {
        var positionals: [CommandArgument] = []
        var flags: Set<String> = []
        var repeated: [String: [CommandArgument]] = [:]
        var index = 0
        var separatorIndex: Int?
        while index < words.count {
            let word = words[index]
            index += 1
            guard !passesOptionsThrough, separatorIndex == nil, !word.isQuoted, word.text.hasPrefix("--") else {
                positionals.append(word)
                continue
            }
            if word.text == "--" {
                separatorIndex = positionals.count
                continue
            }
            let body = word.text.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            guard let option = options.first(where: { $0.name == name }) else {
                let names = options.map { "--\($0.name)" }
                let near = Suggestions.nearest(to: "--\(name)", in: names)
                throw Diagnostic(
                    .unknownOption, "\(self.name) has no option --\(name)",
                    hint: near.isEmpty
                        ? (names.isEmpty
                            ? "\(self.name) takes no options" : "options: \(names.joined(separator: ", "))")
                        : "did you mean \(near.joined(separator: " or "))?",
                    at: word.location)
            }
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            if option.valueName == nil {
                guard inlineValue == nil else {
                    throw Diagnostic(
                        .syntax, "--\(name) is a flag and takes no value", hint: "write --\(name) alone",
                        at: word.location)
                }
                flags.insert(name)
            } else if let inlineValue {
                repeated[name, default: []].append(CommandArgument(inlineValue, at: word.location, isQuoted: true))
            } else if index < words.count {
                repeated[name, default: []].append(words[index])
                index += 1
            } else {
                throw Diagnostic(
                    .missingArgument, "--\(name) needs a value",
                    hint: "write --\(name) \(option.valueName ?? "VALUE")", at: word.location)
            }
        }
        try checkArity(positionals, at: location)
        return Invocation(
            spec: self, location: location, positionals: positionals, flags: flags,
            values: repeated.compactMapValues(\.last),
            repeatedValues: repeated, separatorIndex: separatorIndex)
    }

    private func checkArity(_ positionals: [CommandArgument], at location: SourceLocation?) throws(Diagnostic) {
        var remaining = positionals.count
        for argument in arguments {
            switch argument.arity {
            case .one, .oneOrMore:
                guard remaining > 0 else {
                    throw Diagnostic(
                        .missingArgument, "\(name) needs \(argument.name): \(argument.abstract)",
                        hint: "usage: \(usage)", at: location)
                }
                remaining -= argument.arity == .one ? 1 : remaining
            case .optional:
                remaining -= min(remaining, 1)
            case .zeroOrMore:
                remaining = 0
            }
        }
        if remaining > 0 {
            let extra = positionals[positionals.count - remaining]
            throw Diagnostic(
                .unexpectedArgument,
                "\(name) takes \(positionals.count - remaining) argument"
                    + (positionals.count - remaining == 1 ? "" : "s") + "; this one is one too many",
                hint: "usage: \(usage)", at: extra.location)
        }
    }
}

/// Nearest-name suggestions for misspelt commands and options.
enum Suggestions {
    /// The candidates within a small edit distance of `word`, nearest first, at most three.
    static func nearest(to word: String, in candidates: [String]) -> [String] {
        let limit = max(1, min(3, word.count / 2))
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= limit || ($0.0.hasPrefix(word) && !word.isEmpty) }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
