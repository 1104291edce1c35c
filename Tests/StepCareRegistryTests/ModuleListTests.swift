import StepCareConsole
import StepCareCore
import StepCareRegistry
import StepCareReports
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The registered modules must be exactly the folders on disk and the list in Package.swift.
@Suite struct ModuleListTests {
    let root = String(#filePath.split(separator: "/Tests/").first ?? "")

    func folders(_ path: String) -> [String] {
        guard let directory = opendir(root + "/" + path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix("."), entry.pointee.d_type == UInt8(DT_DIR) { names.append(name) }
        }
        return names.sorted()
    }

    func manifestList(_ marker: String) throws -> [String] {
        let manifest = try ScriptFile.read(root + "/Package.swift")
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(lines.firstIndex(of: "// BEGIN \(marker)"))
        let end = try #require(lines.firstIndex(of: "// END \(marker)"))
        let block = lines[(begin + 1)..<end].joined(separator: "\n")
        let inner = try #require(block.split(separator: "[").last?.split(separator: "]").first.map(String.init) ?? "")
        return inner.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.filter { $0 != "\"" && $0 != " " } }
            .filter { !$0.isEmpty }
    }

    @Test func everyInstrumentFolderIsListedAndRegistered() throws {
        let onDisk = folders("Instruments")
        #expect(!onDisk.isEmpty)
        #expect(
            onDisk == GeneratedModules.instrumentModuleNames,
            "a folder under Instruments/ is not listed: add it to instrument-list in Package.swift (or use `swift package new-instrument`)"
        )
        #expect(try manifestList("instrument-list") == onDisk)
    }

    @Test func everyPathwayFolderIsListed() throws {
        #expect(folders("Sources/Pathways") == GeneratedModules.pathwayModuleNames)
        #expect(try manifestList("pathway-list") == GeneratedModules.pathwayModuleNames)
    }

    @Test func theBuiltInRegistryLoadsEveryModule() throws {
        let registry = try Registry.builtIn()
        #expect(registry.instruments.count == GeneratedModules.instrumentModules.flatMap { $0.instruments }.count)
        #expect(registry.ids.contains("phq9") && registry.ids.contains("gad7"))
    }
}
