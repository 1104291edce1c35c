import StepCareJSON
import StepCareTesting
import Testing

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2, 3.5, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#)
        #expect(value.serialized == #"{"a":[1,-2,3.5,true,false,null],"b":"x\"\\/\né😀","c":{}}"#)
    }

    @Test(arguments: [
        ("", "line 1, column 1: the text ends where a value was expected"),
        ("{\"a\" 1}", "line 1, column 6: expected : after the member name"),
        ("[1,\n 2,\n x]", "line 3, column 2: expected a value (an object, array, string, number, true, false or null)"),
        ("\"open", "line 1, column 6: the string is not closed"),
        ("01", "line 1, column 3: a number may not start with 0"),
        ("{\"a\": 1} 2", "line 1, column 10: unexpected text after the JSON value"),
        ("\"\\q\"", "line 1, column 3: unknown escape in a string"),
    ])
    func reportsWhereAndWhatIsWrong(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    /// Random values, serialized and parsed back, come back equal (seeded, so failures reproduce).
    @Test func serializedValuesParseBack() throws {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let value = randomValue(&random, depth: 0)
            #expect(try parse(value.serialized) == value)
        }
    }

    private func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        switch random.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 60))
        case 3: return .number(Double(Int(random.next() % 100_000)) / 64)
        case 4:
            let scalars = (0..<Int(random.next() % 8)).compactMap { _ in
                Unicode.Scalar([0x22, 0x5C, 0x0A, 0x41, 0xE9, 0x1F600, 0x07][Int(random.next() % 7)])
            }
            return .string(String(String.UnicodeScalarView(scalars)))
        case 5: return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            return .object((0..<Int(random.next() % 4)).map { ("k\($0)", randomValue(&random, depth: depth + 1)) })
        }
    }
}
