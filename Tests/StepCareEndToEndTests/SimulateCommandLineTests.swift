import Foundation
import Testing

/// `stepcare simulate` as a service lead runs it: seeded output, the peers' JSON, bad input.
@Suite struct SimulateCommandLineTests {
    @Test func theSameSeedGivesByteIdenticalOutputOnAnyNumberOfCores() throws {
        let network = [
            "simulate", "network", "--days", "730", "--warmup", "100", "--reps", "4", "--json", "--no-timing",
        ]
        let first = try Binary.run(network + ["--jobs", "1"])
        let second = try Binary.run(network + ["--jobs", "4"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout != (try Binary.run(network + ["--seed", "2"])).stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "stepped-care-3tier")
        #expect(object["reps"] as? Int == 4)
        #expect(object["wall_s"] == nil)
        let tiers = try #require(object["tiers"] as? [[String: Any]])
        #expect(tiers.count == 3)
        for key in ["mean_wait", "p90_wait", "utilisation", "served", "mean_queue", "n_waits", "p_wait_gt_16"] {
            #expect(tiers[0][key] != nil && tiers[0][key + "_ci95"] != nil, "\(key)")
        }

        let pathway = ["simulate", "pathway", "community-stepped-care", "--days", "60", "--reps", "2", "--json"]
        let a = try Binary.run(pathway)
        #expect(a.status == 0)
        #expect(a.stdout == (try Binary.run(pathway + ["--jobs", "1"])).stdout)
    }

    /// A seeded pathway run's whole output, pinned: a faster engine or simulator must give the same clients the
    /// same course, draw for draw. Re-record with `STEPCARE_UPDATE_GOLDEN=1` only for a deliberate, documented
    /// change to the model.
    @Test(arguments: ["community-stepped-care", "talking-therapies"])
    func aSeededPathwayRunIsPinned(pathway: String) throws {
        let result = try Binary.run([
            "simulate", "pathway", pathway, "--days", "180", "--reps", "2", "--seed", "11", "--json",
            "--set", "referral.rate=3",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = Binary.root.appendingPathComponent("Tests/StepCareEndToEndTests/Goldens/simulate-\(pathway).json")
        if ProcessInfo.processInfo.environment["STEPCARE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: golden)
        }
        #expect(result.stdout == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test(arguments: [
        (["simulate", "network", "--triage", "0.6,0.3,0.2"], "--triage: the probabilities sum to 1.1, not 1"),
        (["simulate", "network", "--rate", "-5"], "--rate: must be a positive number"),
        (
            ["simulate", "network", "--routing", "0,0.25,0;0,0,1;0,1,0"],
            "patients at tier 2 can never be discharged"
        ),
        (["simulate", "pathway", "community-stepped-care", "--set", "tier-3.slotz=4"], "is not a parameter"),
        (["simulate", "pathway", "nope"], "PATHWAY: no pathway is registered as \"nope\""),
    ])
    func badInputIsOneClearErrorAndExitsNonZero(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// An option of the other mode is a usage error, named by the argument parser, and nothing runs.
    @Test func anOptionOfTheOtherModeIsAUsageError() throws {
        let result = try Binary.run(["simulate", "pathway", "community-stepped-care", "--caps", "1,2,3"])
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("Unknown option '--caps'"), "\(result.stderr)")
    }
}
