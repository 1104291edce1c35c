import StepCareCore
import StepCareReports
import StepCareSimulation

extension CommandSpec {
    /// `simulate network … | simulate pathway NAME …`: the discrete-event simulator.
    static let simulate = CommandSpec(
        name: "simulate", abstract: "Simulate the benchmark network, or a synthetic population through a pathway",
        discussion: "simulate network runs the capacity model stepped-care-3tier (docs/simulation.md): Poisson "
            + "referrals triaged to tiers with fixed slots and first-come-first-served waitlists, episodes of care "
            + "and routing between tiers, with the same options and JSON line (--json) as the Ciw, SimPy and "
            + "salabim implementations it is benchmarked against, and the exact Jackson-network values beside the "
            + "simulated ones when episodes are exponential. simulate pathway NAME drives a synthetic population "
            + "through the pathway's own rules with the real engine (triage, escalation, step-downs with plans, "
            + "rapid-access slots, waitlists, deadlines) and reports the huddle metrics per tier with 95% "
            + "confidence intervals; --set PARAMETER=VALUE changes one parameter, and a range (tier-3.slots=20...40, "
            + "or 20...40/5 for steps of 5) sweeps it. Replication k runs with seed + k, spread over the cores "
            + "(--jobs); the same seed gives the same output. Simulated records are in the simulation context.",
        arguments: [
            ArgumentSpec("MODE", "network, or pathway"),
            ArgumentSpec("NAME", "pathway: the pathway id", arity: .optional, completion: .pathway),
        ],
        options: [
            OptionSpec("seed", value: "N", "Base seed; replication k uses N + k (default 1)"),
            OptionSpec("reps", value: "N", "Independent replications (default 1 for network, 10 for pathway)"),
            OptionSpec("days", value: "DAYS", "Horizon in days (default 3650 for network, 365 for pathway)"),
            OptionSpec("warmup", value: "DAYS", "Warm-up excluded from the statistics (network default 365)"),
            OptionSpec("json", "Print one line of JSON"),
            OptionSpec("jobs", value: "N", "Replications run at once (default: the cores available)"),
            OptionSpec("rate", value: "R", "Referrals per day (network at scale 1, default 5)"),
            OptionSpec("scale", value: "K", "network: multiply the rate and the slots (default 1)"),
            OptionSpec("caps", value: "C1,C2,…", "network: slots per tier at scale 1 (default 156,284,146)"),
            OptionSpec("means", value: "M1,M2,…", "network: mean episode length per tier, days (default 42,84,120)"),
            OptionSpec("triage", value: "P1,P2,…", "network: P(initial tier) (default 0.6,0.3,0.1)"),
            OptionSpec("routing", value: "ROWS", "network: routing rows separated by ';' (the rest is discharge)"),
            OptionSpec("staffing", value: "KIND", "network: how --scale grows the slots: linear or sqrt"),
            OptionSpec("dist", value: "KIND", "network: episode lengths: exp or lognormal"),
            OptionSpec("cv", value: "V", "network: coefficient of variation for lognormal (default 0.6)"),
            OptionSpec("allow-overload", "network: simulate a tier whose load reaches its slots"),
            OptionSpec("detail", "network --json: add per-replication results"),
            OptionSpec("no-timing", "network --json: leave out the wall-clock fields (byte-identical reruns)"),
            OptionSpec("set", value: "PARAMETER=VALUE", "pathway: change a parameter, or sweep a range (repeatable)"),
            OptionSpec("parameters", "pathway: list the parameters --set can change, with their values"),
            OptionSpec("save", "pathway: keep the first replication's cases in the simulation context"),
            OptionSpec(
                "from-caseload",
                "pathway: start from the session's open cases as they stand (their tiers, waitlists and records)"),
            OptionSpec(
                "html", value: "FILE", "pathway: also write the comparison as an HTML page with charts (0600)",
                completion: .file),
        ],
        examples: [
            "simulate network --reps 10", "simulate network --scale 10 --json",
            "simulate network --caps 150,284,146 --days 36500 --warmup 1460 --reps 40",
            "simulate pathway community-stepped-care --reps 20 --seed 7",
            "simulate pathway community-stepped-care --set tier-3.slots=6...12/2",
        ],
        writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let mode = invocation.positionals[0]
        switch mode.text {
        case "network":
            if invocation.positionals.count > 1 {
                throw Diagnostic(
                    .unexpectedArgument, "simulate network takes no name", hint: "the network model is built in",
                    at: invocation.positionals[1].location)
            }
            try NetworkCommand.run(invocation, interpreter)
        case "pathway":
            try PathwayCommand.run(invocation, interpreter)
        default:
            throw Diagnostic(
                .invalidOption, "simulate has no mode \"\(mode.text)\"",
                hint: "write simulate network or simulate pathway NAME",
                at: mode.location)
        }
    }
}
