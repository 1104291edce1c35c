import StepCareCore
import Testing

/// The access policy table, pinned: live records are made by a logged-in user as themselves, on the real
/// clock, never future-dated, never imported; training and simulation allow all of these. (The console's
/// behaviour under each rule is tested end to end in ContextAndAccessTests.)
@Suite struct AccessPolicyTests {
    @Test(arguments: RecordContext.allCases)
    func eachContextHasThePolicyItsRecordsNeed(context: RecordContext) {
        let policy = context.policy
        let live = context == .live
        #expect(policy.changesNeedLogin == live)
        #expect(policy.mayActForOthers == !live)
        #expect(policy.allowsAdHocActors == !live)
        #expect(policy.allowsFutureDates == !live)
        #expect(policy.clockIsSettable == !live)
        #expect(policy.allowsImport == !live)
    }
}
