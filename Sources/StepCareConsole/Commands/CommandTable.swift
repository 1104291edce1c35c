import StepCareReports

/// The commands a session knows, in the order `help` lists them.
public struct CommandTable: Sendable {
    /// The commands.
    public let commands: [CommandSpec]

    /// Creates a table.
    public init(_ commands: [CommandSpec]) {
        self.commands = commands
    }

    /// Every command StepCare ships.
    public static let standard = CommandTable([
        .help, .instruments, .describe, .score, .administer, .outcome, .loadInstrument, .loadPathway,
        .pathways, .use, .pathway, .rights, .whoCan, .can, .caseCommand, .record, .correct, .timeline, .evaluate,
        .worklist, .assign, .appointment, .team, .configure, .sandbox,
        .place, .stepUp,
        .stepDown, .override, .discharge, .capacity, .dashboard, .today, .advance, .say, .expect, .status, .user,
        .login,
        .logout, .asUser, .breakGlass, .audit, .export, .importCases, .importScores, .simulate, .quit,
    ])

    /// The command called `name` or having it as an alias.
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every command name and alias.
    public var names: [String] { commands.flatMap { [$0.name] + $0.aliases } }
}
