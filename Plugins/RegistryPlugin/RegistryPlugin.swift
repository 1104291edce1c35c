import Foundation
import PackagePlugin

/// Generates `GeneratedModules.swift` for the target it is applied to, listing the target's
/// dependencies that live under `Instruments/` (instrument modules) or `Sources/Pathways/` (pathways).
@main
struct RegistryPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        var instruments: [String] = []
        var pathways: [String] = []
        for case .target(let dependency) in target.dependencies {
            let path = dependency.directoryURL.path
            if path.contains("/Instruments/") {
                instruments.append(dependency.name)
            } else if path.contains("/Sources/Pathways/") {
                pathways.append(dependency.name)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedModules.swift")
        return [
            .buildCommand(
                displayName: "Generating the module registry (\(instruments.count) instruments)",
                executable: try context.tool(named: "RegistryGenerator").url,
                arguments: [output.path, "--instruments"] + instruments + ["--pathways"] + pathways,
                inputFiles: [],
                outputFiles: [output])
        ]
    }
}
