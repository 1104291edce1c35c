import StepCareReports

extension CommandSpec {
    /// `help [COMMAND]`: the command reference.
    static let help = CommandSpec(
        name: "help", aliases: ["?"], abstract: "Show the commands, or one command in full",
        discussion: "With no argument, lists every command. With a command name, shows its usage, arguments, "
            + "options and examples; with the start of a name, lists the commands that begin with it. "
            + "--markdown prints the whole reference as Markdown (docs/commands.md is generated this way).",
        arguments: [ArgumentSpec("COMMAND", "a command name or its beginning", arity: .optional, completion: .command)],
        options: [OptionSpec("markdown", "Print the full command reference as Markdown")],
        examples: ["help", "help score", "help --markdown"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let table = interpreter.commands
        if invocation.flag("markdown") {
            interpreter.output.write(CommandReference.markdown(table))
            return
        }
        guard let argument = invocation.positionals.first else {
            interpreter.output.write(CommandReference.summary(table.commands))
            return
        }
        if let spec = table.command(named: argument.text) {
            interpreter.output.write(CommandReference.detail(spec))
            return
        }
        let matches = table.commands.filter { $0.name.hasPrefix(argument.text) }
        guard matches.isEmpty else {
            interpreter.output.write(CommandReference.summary(matches))
            return
        }
        let near = Suggestions.nearest(to: argument.text, in: table.names)
        throw Diagnostic(
            .unknownCommand, "unknown command \"\(argument.text)\"",
            hint: near.isEmpty ? "type help to list the commands" : "did you mean \(near.joined(separator: " or "))?",
            at: argument.location)
    }
}

/// Help text and the Markdown reference, both generated from the command table.
public enum CommandReference {
    /// One line per command.
    static func summary(_ commands: [CommandSpec]) -> String {
        let width = commands.map(\.name.count).max() ?? 0
        return commands.map { "  \($0.name.padding(to: width))  \($0.abstract)" }.joined(separator: "\n")
            + "\n\nType help COMMAND for details. Statements: let NAME = VALUE…, $NAME, # comment, \\ at the end of "
            + "a line continues it.\n"
    }

    /// Everything about one command.
    static func detail(_ spec: CommandSpec) -> String {
        var lines = ["usage: \(spec.usage)", "", spec.abstract + "."]
        if !spec.discussion.isEmpty { lines += ["", spec.discussion] }
        if !spec.aliases.isEmpty { lines += ["", "aliases: " + spec.aliases.joined(separator: ", ")] }
        let options = spec.options.map { ("--\($0.name)" + ($0.valueName.map { " \($0)" } ?? ""), $0.abstract) }
        let width = max(10, options.map(\.0.count).max() ?? 0)
        if !spec.arguments.isEmpty {
            lines += ["", "arguments:"] + spec.arguments.map { "  \($0.name.padding(to: width)) \($0.abstract)" }
        }
        if !options.isEmpty {
            lines += ["", "options:"] + options.map { "  \($0.0.padding(to: width)) \($0.1)" }
        }
        if !spec.examples.isEmpty { lines += ["", "examples:"] + spec.examples.map { "  \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole reference as Markdown, as checked in at `docs/commands.md`.
    public static func markdown(_ table: CommandTable) -> String {
        var text = """
            # StepCare command reference

            Generated from the command table by the REPL command `help --markdown`; a test fails when this file drifts.
            The same commands work in the REPL, in script files (`stepcare run FILE`) and on piped standard input.

            ## The language

            - A statement is a command name followed by words: `score phq9 1 2 1 0 0 1 2 1 0`.
            - Quote a word with `"…"` (which expands `$NAME`, `\\"`, `\\\\`, `\\$`, `\\n`, `\\t`) or `'…'` (literal).
            - `let NAME = WORD…` sets a variable; `$NAME` or `${NAME}` uses it. An unquoted `$NAME` standing alone
              expands to all of its words, so `let a = 1 2 3` then `score phq2 $a` passes three answers.
            - `#` at the start of a word comments out the rest of the line.
            - A newline or `;` ends a statement; a backslash at the end of a line continues it, and an unclosed
              quote continues onto the next line (the REPL shows the continuation prompt `...> `).
            - Options are words starting with `--`: `--json`, `--name VALUE` or `--name=VALUE`; `--` ends options.
            - Errors give `file:line:column`, the line with a caret, and a hint; a script stops at its first error
              with the exit status below.

            ## Exit status

            `stepcare` and its scripts end with a status that says what to do next:

            | status | meaning | what to do |
            |---|---|---|
            | 0 | everything ran | |
            | 1 | bad input: a command, option, value, script or file; or a script's `expect` did not hold | fix the input and run it again |
            | 2 | the pathway refused a decision: rights, a co-signature, documentation, an open risk flag, the move | record what is missing, or ask someone with the right |
            | 3 | the store is locked by, or was just changed by, another session; nothing was saved | run it again shortly |
            | 4 | `audit verify` found a problem, or the store is damaged, tampered with, foreign or from a newer StepCare | stop and investigate; restore from a backup |
            | 5 | storage or output failed: a full disk, an I/O error, a file or folder that cannot be written (nothing half-written is left) | free space or fix the path, then run it again |
            | 64 | the command line itself is malformed | see `stepcare help SUBCOMMAND` |
            | 70 | a built-in definition is invalid: a defect in this build | report it |

            ## Commands

            | command | what it does |
            |---|---|

            """
        for spec in table.commands { text += "| [`\(spec.name)`](#\(spec.name)) | \(spec.abstract) |\n" }
        for spec in table.commands {
            text += "\n### \(spec.name)\n\n```\n\(spec.usage)\n```\n\n\(spec.abstract).\n"
            if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
            if !spec.aliases.isEmpty {
                text += "\nAliases: " + spec.aliases.map { "`\($0)`" }.joined(separator: ", ") + "\n"
            }
            if !spec.arguments.isEmpty {
                text += "\n| argument | meaning | completes |\n|---|---|---|\n"
                for argument in spec.arguments {
                    text += "| `\(argument.name)` | \(argument.abstract) | \(argument.completion.rawValue) |\n"
                }
            }
            if !spec.options.isEmpty {
                text += "\n| option | meaning |\n|---|---|\n"
                for option in spec.options {
                    text +=
                        "| `--\(option.name)" + (option.valueName.map { " \($0)" } ?? "") + "` | \(option.abstract) |\n"
                }
            }
            if !spec.examples.isEmpty {
                text += "\nExamples:\n\n```\n" + spec.examples.joined(separator: "\n") + "\n```\n"
            }
        }
        return text
    }
}
