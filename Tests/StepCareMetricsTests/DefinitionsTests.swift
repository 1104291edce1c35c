import StepCareMetrics
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// docs/metrics.md defines every metric the code computes, and names no metric the code lacks.
@Suite struct DefinitionsTests {
    static func page() throws -> String {
        let root = String(#filePath.split(separator: "/Tests/").first ?? "")
        let path = "/" + root.drop { $0 == "/" } + "/docs/metrics.md"
        guard let file = fopen(path, "r") else { throw PageMissing() }
        defer { fclose(file) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return text
    }

    struct PageMissing: Error {}

    @Test func everyMetricIsDefinedInTheDocs() throws {
        let page = try Self.page()
        for definition in MetricDefinition.all {
            #expect(page.contains("`\(definition.key)`"), "docs/metrics.md does not define \(definition.key)")
        }
    }

    @Test func keysAreUnique() {
        let keys = MetricDefinition.all.map(\.key)
        #expect(Set(keys).count == keys.count)
    }
}
