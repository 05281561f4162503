// swift-tools-version:6.0
// Glovebox: a terminal workbench for all-solid-state lithium-metal battery research.
// Module rules (DESIGN.md): Formats imports no module of ours (only the system's CZlib); Engine
// imports Formats; Lab may import Engine and Formats; TUI imports Formats only (theme files);
// Workbench imports Engine, Lab, TUI, Formats; only NcursesBackend imports CNcursesw; only
// Engine/Numerics imports CFFTW; only Formats (and the benchmark writer in glovebox/CLI/Bench)
// imports CZlib. Tests/GloveboxTests/ModuleRulesTests.swift enforces them.
import PackageDescription

let package = Package(
  name: "Glovebox",
  products: [
    .executable(name: "glovebox", targets: ["glovebox"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .systemLibrary(name: "CFFTW", path: "Sources/CFFTW"),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
    .target(name: "Formats", dependencies: ["CZlib"]),
    // xylib (Debian libxy-dev) behind a C++ shim that turns its exceptions into error strings.
    .target(name: "CXylib", path: "Sources/CXylib", linkerSettings: [.linkedLibrary("xy")]),
    .target(name: "Engine", dependencies: ["Formats", "CFFTW", "CXylib"]),
    .target(name: "Lab", dependencies: ["Engine", "Formats"]),
    .target(name: "TUI", dependencies: ["Formats"]),
    .target(name: "NcursesBackend", dependencies: ["TUI", "CNcursesw"]),
    .target(name: "Workbench", dependencies: ["Engine", "Lab", "TUI", "Formats"]),
    // Every reader family as bytes → verdict, shared by the libFuzzer driver and the smoke test.
    .target(name: "FuzzTargets", dependencies: ["Engine", "Lab", "TUI", "Workbench", "Formats"]),
    .executableTarget(
      name: "glovebox",
      dependencies: [
        "Formats", "Engine", "Lab", "TUI", "NcursesBackend", "Workbench", "CZlib",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "FormatsTests", dependencies: ["Formats"]),
    .testTarget(name: "EngineTests", dependencies: ["Engine", "Formats"], resources: [.copy("Fixtures")]),
    .testTarget(name: "LabTests", dependencies: ["Lab", "Engine", "Formats"]),
    .testTarget(name: "TUITests", dependencies: ["TUI", "Formats"]),
    .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TUI"]),
    .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "TUI", "Lab", "Engine", "Formats"]),
    .testTarget(name: "GloveboxTests", dependencies: ["glovebox", "Formats", "Engine"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "Engine", "Formats"]),
  ]
)

// The libFuzzer driver exists only for `scripts/fuzz.sh` (GLOVEBOX_FUZZ=1, its own scratch path
// .build-fuzz, every module compiled with -sanitize=fuzzer): libFuzzer brings its own `main`, so
// the driver is parsed as a library, and the ordinary builds never see this target.
if Context.environment["GLOVEBOX_FUZZ"] == "1" {
  package.products.append(.executable(name: "glovebox-fuzz", targets: ["glovebox-fuzz"]))
  package.targets += [
    // SwiftPM renames an executable's main to glovebox_fuzz_main; this C main runs libFuzzer.
    .target(name: "CFuzzerEntry"),
    .executableTarget(
      name: "glovebox-fuzz", dependencies: ["FuzzTargets", "CFuzzerEntry"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
}
