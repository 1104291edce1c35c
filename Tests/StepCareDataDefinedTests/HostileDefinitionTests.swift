import Foundation
import StepCareCore
import StepCareDataDefined
import StepCareTesting
import Testing

/// Definitions built to overflow StepCare's arithmetic (issue 24: `load-instrument` trapped with exit 132) are
/// refused with the field at fault named, before any sum is taken.
@Suite struct HostileDefinitionTests {
    static let regressions = StepCareRoot.path + "/Fuzz/regressions/instrument"

    @Test(arguments: [
        ("reversed-option-at-int-max", "field options[2].value must be between -1000000 and 1000000"),
        ("item-ranges-sum-past-int-max", "field options[0].value must be between -1000000 and 1000000"),
        ("band-spans-every-int", "field bands[0].min must be between -1000000 and 1000000"),
        ("max-missing-at-int-max", "field missingItems.maxMissing must be between -1000000 and 1000000"),
    ])
    func anOverflowingNumberIsRefusedByField(file: String, message: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: "\(Self.regressions)/\(file)"))
        #expect(throws: StepCareError.self) { try DataDefinedInstrument(json: Array(bytes)) }
        do {
            _ = try DataDefinedInstrument(json: Array(bytes))
        } catch {
            #expect(error.code == .invalidDefinition)
            #expect(error.message == message)
        }
    }

    /// A definition may not let a blank form be scored, nor give an option a key that answers already mean.
    @Test(arguments: [
        (
            "\"maxMissing\": 1", "\"maxMissing\": 4",
            "field missingItems.maxMissing must be fewer than the number of items (4)"
        ),
        ("\"key\": \"never\"", "\"key\": \"-\"", "field options[0].key must not be -, n/a, < or a number"),
        ("\"key\": \"never\"", "\"key\": \"1\"", "field options[0].key must not be -, n/a, < or a number"),
    ])
    func aDefinitionThatWouldMisreadAnswersIsRefused(original: String, replacement: String, message: String) throws {
        let base = try #require(
            FileManager.default.contents(atPath: StepCareRoot.path + "/Examples/instruments/demo4.json"))
        let text = String(decoding: base, as: UTF8.self)
        #expect(text.contains(original))
        do {
            _ = try DataDefinedInstrument(json: Array(text.replacing(original, with: replacement).utf8))
            Issue.record("accepted: \(replacement)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func tooManyItemsOrOptionsAreRefused() throws {
        let base = try #require(
            FileManager.default.contents(atPath: StepCareRoot.path + "/Examples/instruments/demo4.json"))
        let text = String(decoding: base, as: UTF8.self)
        let items = (0..<501).map { "{\"text\": \"item \($0)\"}" }.joined(separator: ",")
        let many = text.replacing(#/"items": \[[^\]]*\]/#, with: "\"items\": [\(items)]")
        do {
            _ = try DataDefinedInstrument(json: Array(many.utf8))
            Issue.record("501 items were accepted")
        } catch {
            #expect(error.message == "field items must list at most 500 items")
        }
    }
}
