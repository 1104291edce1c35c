import StepCareCore

/// A synthetic client's hidden course: true severity on the PHQ-9 scale, how their anxiety and function track
/// it, and whether they respond to their current tier. Only scored administrations reach the timeline.
struct SyntheticClient {
    /// The case id in the simulated caseload.
    var caseID: String
    /// True depressive severity, PHQ-9 points (0–27, continuous).
    var severity: Double
    /// GAD-7 per PHQ-9 point for this client.
    var anxietyRatio: Double
    /// WSAS per PHQ-9 point for this client.
    var functionRatio: Double
    /// Whether they respond to the tier they are in (drawn at each placement).
    var responder = false
    /// The tier they are placed in, by rank, or `nil` while waiting.
    var tierRank: Int?
    /// When severity was last brought up to date, in days.
    var updatedAt: Double
    /// Placements so far: each starts a new series of weekly contacts.
    var placements = 0
    /// Attended contacts in the current tier.
    var contacts = 0
    /// Whether a staff action is already scheduled.
    var actionScheduled = false
    /// Whether the client has left the service.
    var discharged = false

    /// Answers for an instrument of `items` items scored 0…`maximum` each, summing to `total` (clamped), spread
    /// at random; item `riskItem` (1-based) is positive only when `risk` is true.
    static func answers(
        total: Int, items: Int, maximum: Int, riskItem: Int? = nil, risk: Bool = false,
        random: inout SimulationRandom
    ) -> [Int] {
        var answers = [Int](repeating: 0, count: items)
        let riskIndex = riskItem.map { $0 - 1 }
        if let riskIndex, risk { answers[riskIndex] = 1 }
        var remaining = max(0, min(total, items * maximum)) - answers.reduce(0, +)
        // Each point goes to one of the items still below the maximum (the risk item only when `risk`), chosen
        // uniformly: the j-th such item, counted in place rather than listed, so a point costs no allocation.
        func isCandidate(_ item: Int) -> Bool { (item != riskIndex || risk) && answers[item] < maximum }
        while remaining > 0 {
            let count = (0..<items).reduce(0) { isCandidate($1) ? $0 + 1 : $0 }
            guard count > 0 else { break }
            var chosen = Int(random.uniform() * Double(count))
            for item in 0..<items where isCandidate(item) {
                if chosen == 0 {
                    answers[item] += 1
                    break
                }
                chosen -= 1
            }
            remaining -= 1
        }
        return answers
    }
}
