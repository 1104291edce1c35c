/// A risk flag raised by an administration.
///
/// A flag is never cleared by a later score or an override: only a documented risk review clears it.
public struct RiskFlag: Sendable, Hashable {
    /// Why the flag was raised.
    public enum Reason: Sendable, Hashable {
        /// The item was answered at or above the rule's minimum value.
        case positiveAnswer(value: Int)
        /// The risk item was not answered: it must be asked, never assumed to be 0.
        case notAnswered
    }

    /// The rule that raised the flag.
    public var ruleID: String
    /// The 1-based item number the rule reads.
    public var item: Int
    /// Why the flag was raised.
    public var reason: Reason
    /// How soon it must be acted on.
    public var urgency: Urgency
    /// What must happen.
    public var action: String

    /// Creates a flag.
    public init(ruleID: String, item: Int, reason: Reason, urgency: Urgency, action: String) {
        self.ruleID = ruleID
        self.item = item
        self.reason = reason
        self.urgency = urgency
        self.action = action
    }
}
