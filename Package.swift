// swift-tools-version:6.1
import PackageDescription

// The instrument and pathway modules this build registers. `swift package new-instrument NAME` and
// `swift package new-pathway NAME` edit these lists; a test fails when a folder under Instruments/ or
// Sources/Pathways/ is missing from them. Keep each list sorted, one per line.
// BEGIN instrument-list
let instrumentModules: [String] = [
    "AUDIT",
    "AUDITC",
    "CORE10",
    "CSSRS",
    "DAST10",
    "GAD2",
    "GAD7",
    "K10",
    "K6",
    "PCL5",
    "PHQ15",
    "PHQ2",
    "PHQ9",
    "WHO5",
    "WSAS",
]
// END instrument-list
// BEGIN pathway-list
let pathwayModules: [String] = [
    "CommunitySteppedCare",
    "TalkingTherapies",
]
// END pathway-list

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let sqlite: Target.Dependency = .product(name: "GRDBSQLite", package: "GRDB.swift")
// swift-collections' min-max heap was the simulator's event queue; it stays as the oracle its replacement is
// tested against.
let heap: Target.Dependency = .product(name: "HeapModule", package: "swift-collections")

var targets: [Target] = [
    // Vocabulary only: no I/O.
    .target(name: "StepCareCore"),
    // Test support shipped as a product: the instrument conformance kit and a pseudo-terminal driver.
    .target(name: "StepCareTesting", dependencies: ["StepCareCore"]),
    // Rules over scores and timelines: outcome classification.
    .target(name: "StepCareEngine", dependencies: ["StepCareCore"]),
    // Test support: the engine's replay evaluator as it was, the oracle the incremental engine is checked against.
    .target(name: "StepCareEngineReference", dependencies: ["StepCareCore", "StepCareEngine", "StepCareTesting"]),
    // JSON text: a parser to values with line and column errors, a pull scanner, and a writer.
    .target(name: "StepCareJSON"),
    // Instruments defined by JSON files.
    .target(name: "StepCareDataDefined", dependencies: ["StepCareCore", "StepCareJSON"]),
    // The record schema (stepcare-case/2): every stored and exchanged record in explicit, versioned JSON.
    .target(name: "StepCareRecord", dependencies: ["StepCareCore", "StepCareJSON"]),
    // The caseload store: SQLite through GRDB, with the hash-chained audit log.
    .target(
        name: "StepCareStore",
        dependencies: ["StepCareCore", "StepCareEngine", "StepCareJSON", "StepCareRecord", grdb, sqlite]),
    // The discrete-event simulator: the benchmark network and synthetic populations through a pathway.
    .target(name: "StepCareSimulation", dependencies: ["StepCareCore", "StepCareEngine"]),
    // The huddle dashboard's metrics over timelines, live or simulated.
    .target(name: "StepCareMetrics", dependencies: ["StepCareCore", "StepCareEngine"]),
    // What any front end shows or writes: text, HTML, SVG, JSON and CSV renderers, the batch scorer, checked
    // output files and the exit statuses. No command language here.
    .target(
        name: "StepCareReports",
        dependencies: [
            "StepCareCore", "StepCareEngine", "StepCareStore", "StepCareSimulation", "StepCareMetrics", "StepCareJSON",
            "StepCareRecord",
        ]),
    // The application core: the session, its unit of work, the access policy and every use case as a typed call.
    .target(
        name: "StepCareService",
        dependencies: [
            "StepCareCore", "StepCareEngine", "StepCareStore", "StepCareRecord", "StepCareMetrics", "StepCareReports",
            "StepCareDataDefined",
        ]),
    // libedit, and a C shim for its variadic calls.
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
    // The command language, its interpreter and line editing.
    .target(
        name: "StepCareConsole",
        dependencies: [
            "StepCareCore", "StepCareEngine", "StepCareStore", "StepCareSimulation", "StepCareMetrics",
            "StepCareDataDefined", "StepCareJSON", "StepCareRecord", "StepCareReports", "StepCareService",
            "CEditLineShim",
        ]),
    // The generated list of registered modules.
    .target(
        name: "StepCareRegistry",
        dependencies: ["StepCareCore"] + (instrumentModules + pathwayModules).map { .target(name: $0) },
        plugins: ["RegistryPlugin"]),
    .executableTarget(name: "RegistryGenerator"),
    .plugin(name: "RegistryPlugin", capability: .buildTool(), dependencies: ["RegistryGenerator"]),
    .plugin(
        name: "NewInstrumentPlugin",
        capability: .command(
            intent: .custom(verb: "new-instrument", description: "Scaffold an instrument module and its tests"),
            permissions: [
                .writeToPackageDirectory(reason: "creates Instruments/NAME and adds NAME to the list in Package.swift")
            ])),
    .plugin(
        name: "NewPathwayPlugin",
        capability: .command(
            intent: .custom(verb: "new-pathway", description: "Scaffold a pathway module"),
            permissions: [
                .writeToPackageDirectory(
                    reason: "creates Sources/Pathways/NAME and adds NAME to the list in Package.swift")
            ])),
    .executableTarget(
        name: "stepcare",
        dependencies: [
            "StepCareConsole", "StepCareService", "StepCareReports", "StepCareRegistry", "StepCareStore",
            "StepCareMetrics", "StepCareSimulation", "StepCareJSON", argumentParser,
        ]),
    // Test support: each input surface's fuzz check, run under libFuzzer by stepcare-fuzz and replayed by the tests.
    .target(
        name: "StepCareFuzzing",
        dependencies: [
            "StepCareConsole", "StepCareCore", "StepCareDataDefined", "StepCareRecord", "StepCareRegistry",
            "StepCareReports", "StepCareService", "StepCareSimulation", "StepCareStore", "StepCareEngine",
            "CEditLineShim",
        ]),
    .executableTarget(name: "stepcare-bench", dependencies: ["StepCareTesting", "StepCareCore", "StepCareRecord"]),
    // In-process engine benchmarks: growth tables for the simulator, evaluate, moves and the dashboard.
    .executableTarget(
        name: "stepcare-engine-bench",
        dependencies: [
            "StepCareEngine", "StepCareEngineReference", "StepCareMetrics", "StepCareRegistry", "StepCareSimulation",
            "StepCareStore", "StepCareRecord", "StepCareService",
        ]),
    .testTarget(
        name: "StepCareSimulationTests",
        dependencies: [
            "StepCareSimulation", "StepCareMetrics", "StepCareEngine", "StepCareRegistry", "StepCareTesting",
            "StepCareEngineReference", heap,
        ]),

    .testTarget(
        name: "StepCareMetricsTests",
        dependencies: [
            "StepCareMetrics", "StepCareEngine", "StepCareRegistry", "StepCareSimulation", "StepCareTesting",
            "StepCareEngineReference",
        ]),
    .testTarget(name: "StepCareCoreTests", dependencies: ["StepCareCore", "StepCareTesting"]),
    .testTarget(
        name: "StepCareEngineTests",
        dependencies: ["StepCareEngine", "StepCareEngineReference", "StepCareRegistry", "StepCareTesting"]),
    .testTarget(
        name: "StepCareDataDefinedTests",
        dependencies: [
            "StepCareDataDefined", "StepCareJSON", "StepCareConsole", "StepCareReports", "StepCareRegistry",
            "StepCareTesting", "StepCareEngine", "StepCareEngineReference",
        ]),
    .testTarget(
        name: "StepCareRecordTests",
        dependencies: ["StepCareRecord", "StepCareJSON", "StepCareCore", "StepCareRegistry", "StepCareTesting"],
        exclude: ["Golden"]),
    .testTarget(
        name: "StepCareConsoleTests",
        dependencies: [
            "StepCareConsole", "StepCareService", "StepCareReports", "StepCareRegistry", "StepCareTesting",
        ]),
    .testTarget(
        name: "StepCareStoreTests",
        dependencies: [
            "StepCareStore", "StepCareEngine", "StepCareEngineReference", "StepCareRecord", "StepCareRegistry",
            "StepCareConsole", "StepCareReports", "StepCareService", "StepCareTesting", grdb,
        ],
        exclude: ["Fixtures"]),
    .testTarget(
        name: "StepCareServiceTests",
        dependencies: [
            "StepCareService", "StepCareStore", "StepCareEngine", "StepCareRecord", "StepCareRegistry",
            "StepCareReports", "StepCareMetrics", "StepCareDataDefined",
            "StepCareTesting", grdb,
        ]),
    .testTarget(
        name: "StepCareRegistryTests", dependencies: ["StepCareRegistry", "StepCareConsole", "StepCareReports"]),
    .testTarget(
        name: "StepCareFuzzingTests",
        dependencies: [
            "StepCareFuzzing", "StepCareConsole", "StepCareCore", "StepCareReports", "StepCareService",
            "StepCareTesting",
        ]),
    .testTarget(
        name: "StepCareEndToEndTests",
        dependencies: ["StepCareTesting", "StepCareStore", grdb, .target(name: "stepcare")],
        exclude: ["Transcripts"]),
]

for name in instrumentModules {
    targets += [
        .target(name: name, dependencies: ["StepCareCore"], path: "Instruments/\(name)/Sources"),
        .testTarget(
            name: "\(name)Tests", dependencies: [.target(name: name), "StepCareCore", "StepCareTesting"],
            path: "Instruments/\(name)/Tests"),
    ]
}
for name in pathwayModules {
    targets.append(.target(name: name, dependencies: ["StepCareCore"], path: "Sources/Pathways/\(name)"))
}

// The libFuzzer driver is built only on request: scripts/fuzz sets STEPCARE_FUZZ=1 and builds with AddressSanitizer
// and coverage instrumentation for every target, and only this executable links libFuzzer (its `main`). SwiftPM's
// --sanitize=fuzzer would link libFuzzer into the registry plugin's generator too, which then has two mains.
if Context.environment["STEPCARE_FUZZ"] != nil {
    targets.append(
        .executableTarget(
            name: "stepcare-fuzz", dependencies: ["StepCareFuzzing"], path: "Fuzz/Driver",
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-use-ld=lld"])]))
}

// One setting for every Swift target: Swift 6 mode (package-wide below) plus these features.
for target in targets where target.type != .system && target.type != .plugin {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}

let package = Package(
    name: "StepCare",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stepcare", targets: ["stepcare"]),
        .library(name: "StepCareCore", targets: ["StepCareCore"]),
        .library(name: "StepCareTesting", targets: ["StepCareTesting"]),
        .plugin(name: "NewInstrumentPlugin", targets: ["NewInstrumentPlugin"]),
        .plugin(name: "NewPathwayPlugin", targets: ["NewPathwayPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
