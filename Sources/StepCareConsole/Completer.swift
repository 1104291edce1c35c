import StepCareCore
import StepCareReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tab completion driven by the command table: command names first, then each argument and option value by
/// its completion kind (instrument ids, tiers, roles, actions, pathways, command names, files) and
/// `--options` of the command being typed.
public struct Completer: Sendable {
    /// The commands to complete.
    public let commands: CommandTable
    /// The instrument ids to offer.
    public let instrumentIDs: [String]
    /// The tier ids to offer.
    public let tierIDs: [String]
    /// The role ids to offer.
    public let roleIDs: [String]
    /// The pathway ids to offer.
    public let pathwayIDs: [String]
    /// The session's case ids, read when Tab is pressed (the caseload changes as the session goes on).
    public let caseIDs: @Sendable () -> [String]

    /// Creates a completer.
    public init(
        commands: CommandTable, instrumentIDs: [String], tierIDs: [String] = [], roleIDs: [String] = [],
        pathwayIDs: [String] = [], caseIDs: @escaping @Sendable () -> [String] = { [] }
    ) {
        self.commands = commands
        self.instrumentIDs = instrumentIDs
        self.tierIDs = tierIDs
        self.roleIDs = roleIDs
        self.pathwayIDs = pathwayIDs
        self.caseIDs = caseIDs
    }

    /// The candidates for the word being typed at the end of `textBeforeCursor`.
    public func complete(_ textBeforeCursor: String) -> Completion {
        // Complete within the current statement only.
        let statement =
            textBeforeCursor.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let offset = textBeforeCursor.count - statement.count
        let words = statement.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let endsInSpace = statement.last == " " || statement.isEmpty
        let partial = endsInSpace ? "" : (words.last ?? "")
        let complete = endsInSpace ? words : Array(words.dropLast())
        let wordStart = offset + statement.count - partial.count

        guard let name = complete.first else {
            return Completion(
                wordStart: wordStart, candidates: commands.commands.map(\.name).filter { $0.hasPrefix(partial) })
        }
        guard let spec = commands.command(named: name) else { return Completion(wordStart: wordStart, candidates: []) }
        if partial.hasPrefix("-") {
            let options = spec.options.map { "--\($0.name)" }.filter { $0.hasPrefix(partial) }
            return Completion(wordStart: wordStart, candidates: options)
        }
        if complete.count > 1, let previous = complete.last, previous.hasPrefix("--"), !previous.contains("="),
            let option = spec.options.first(where: { $0.name == previous.dropFirst(2) }), option.valueName != nil
        {
            return Completion(wordStart: wordStart, candidates: candidates(option.completion, prefix: partial))
        }
        let kind = argumentKind(spec, positionalIndex: positionalCount(spec, words: Array(complete.dropFirst())))
        return Completion(wordStart: wordStart, candidates: candidates(kind, prefix: partial))
    }

    private func positionalCount(_ spec: CommandSpec, words: [String]) -> Int {
        var count = 0
        var skipNext = false
        for word in words {
            if skipNext {
                skipNext = false
            } else if word.hasPrefix("--") {
                let name = word.dropFirst(2).prefix { $0 != "=" }
                skipNext = !word.contains("=") && spec.options.first { $0.name == name }?.valueName != nil
            } else {
                count += 1
            }
        }
        return count
    }

    private func argumentKind(_ spec: CommandSpec, positionalIndex: Int) -> CompletionKind {
        var index = positionalIndex
        for argument in spec.arguments {
            switch argument.arity {
            case .one, .optional:
                if index == 0 { return argument.completion }
                index -= 1
            case .oneOrMore, .zeroOrMore:
                return argument.completion
            }
        }
        return .none
    }

    private func candidates(_ kind: CompletionKind, prefix: String) -> [String] {
        switch kind {
        case .none: []
        case .command: commands.commands.map(\.name).filter { $0.hasPrefix(prefix) }
        case .instrument: instrumentIDs.filter { $0.hasPrefix(prefix.lowercased()) }
        case .file: Self.files(prefix: prefix)
        case .tier: tierIDs.filter { $0.hasPrefix(prefix) }
        case .role: roleIDs.filter { $0.hasPrefix(prefix) }
        case .actor: roleIDs.map { $0 + ":" }.filter { $0.hasPrefix(prefix) }
        case .action: Action.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) }
        case .pathway: pathwayIDs.filter { $0.hasPrefix(prefix) }
        case .caseID: caseIDs().filter { $0.lowercased().hasPrefix(prefix.lowercased()) }.sorted()
        }
    }

    private static func files(prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        guard let handle = opendir(directory.isEmpty ? "." : directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(namePrefix), name != ".", name != ".." { names.append(directory + name) }
        }
        return names.sorted()
    }
}
