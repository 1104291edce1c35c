/// The counts and samples behind one window's metrics, added to case by case.
struct Tally: Sendable {
    /// One tier's counts.
    struct Tier {
        var entries = 0
        var firstContactWaits: [Double] = []
        var metStandard = 0
        var breachedStandard = 0
        var waiting = 0
        var waitingPastStandard = 0
        var waitlistAges: [Double] = []
        var waitsEnded: [Double] = []
        var placed = 0
        /// Minutes spent placed in the tier within the window, whole, so that tallies add up exactly in any grouping.
        var placedMinutes = 0
        var cohort = 0
        var stays: [Double] = []
        /// Sessions attended in each stay that ended in the window, and how many of those stays fell within
        /// the package's session range.
        var staySessions: [Double] = []
        var staysWithinPackage = 0
        var crisis = 0
        var emergencyVisits = 0
        var checkInsExpected = 0
        var checkInsMet = 0
        var finished = 0
        var unpaired = 0
        var outcomes = OutcomeTally()
    }

    /// NHS Talking Therapies outcome counts of the courses finished in one tier.
    struct OutcomeTally {
        var atCaseness = 0
        var recovered = 0
        var atCasenessWithReliableChange = 0
        var reliablyRecovered = 0
        var classified = 0
        var improved = 0
        var deteriorated = 0
    }

    var tiers: [Tier]
    var windowDays: Double
    var referrals = 0
    var placements = 0
    var stepUps = 0
    var stepUpDelays: [Double] = []
    var breaches = 0
    var stepDowns = 0
    var stepDownsWithPlan = 0
    var reEscalation30 = (returned: 0, followed: 0)
    var reEscalation90 = (returned: 0, followed: 0)
    var overrides = 0
    var exceptions = 0
    var rapidAccess = 0
    var lateEnteredPlacements = 0
    var stepUpsFollowed = 0
    var crisisBeforeStepUp = 0
    var crisisAfterStepUp = 0
    var outstanding: [OutstandingTrigger] = []
    var outstandingReviews: [OutstandingTrigger] = []

    init(tierCount: Int, windowDays: Double) {
        tiers = Array(repeating: Tier(), count: tierCount)
        self.windowDays = windowDays
    }

    /// Adds another tally of the same window (another case's, or another group's).
    mutating func merge(_ other: Tally) {
        referrals += other.referrals
        placements += other.placements
        stepUps += other.stepUps
        stepUpDelays += other.stepUpDelays
        breaches += other.breaches
        stepDowns += other.stepDowns
        stepDownsWithPlan += other.stepDownsWithPlan
        reEscalation30 = (
            reEscalation30.returned + other.reEscalation30.returned,
            reEscalation30.followed + other.reEscalation30.followed
        )
        reEscalation90 = (
            reEscalation90.returned + other.reEscalation90.returned,
            reEscalation90.followed + other.reEscalation90.followed
        )
        overrides += other.overrides
        exceptions += other.exceptions
        rapidAccess += other.rapidAccess
        lateEnteredPlacements += other.lateEnteredPlacements
        stepUpsFollowed += other.stepUpsFollowed
        crisisBeforeStepUp += other.crisisBeforeStepUp
        crisisAfterStepUp += other.crisisAfterStepUp
        outstanding += other.outstanding
        outstandingReviews += other.outstandingReviews
        for rank in tiers.indices { tiers[rank].merge(other.tiers[rank]) }
    }
}

extension Tally.Tier {
    mutating func merge(_ other: Tally.Tier) {
        entries += other.entries
        firstContactWaits += other.firstContactWaits
        metStandard += other.metStandard
        breachedStandard += other.breachedStandard
        waiting += other.waiting
        waitingPastStandard += other.waitingPastStandard
        waitlistAges += other.waitlistAges
        waitsEnded += other.waitsEnded
        placed += other.placed
        placedMinutes += other.placedMinutes
        cohort += other.cohort
        stays += other.stays
        staySessions += other.staySessions
        staysWithinPackage += other.staysWithinPackage
        crisis += other.crisis
        emergencyVisits += other.emergencyVisits
        checkInsExpected += other.checkInsExpected
        checkInsMet += other.checkInsMet
        finished += other.finished
        unpaired += other.unpaired
        outcomes.merge(other.outcomes)
    }
}

extension Tally.OutcomeTally {
    mutating func merge(_ other: Tally.OutcomeTally) {
        atCaseness += other.atCaseness
        recovered += other.recovered
        atCasenessWithReliableChange += other.atCasenessWithReliableChange
        reliablyRecovered += other.reliablyRecovered
        classified += other.classified
        improved += other.improved
        deteriorated += other.deteriorated
    }
}
