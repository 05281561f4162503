// swift-tools-version:6.0
// Glovebox: a terminal workbench for all-solid-state lithium-metal battery research.
// Module rules (DESIGN.md): Engine imports nothing of ours; Lab may import Engine; TUI imports
// nothing of ours; Workbench imports Engine, Lab, TUI; only NcursesBackend imports CNcursesw;
// only Engine/Numerics imports CFFTW. Tests/GloveboxTests/ModuleRulesTests.swift enforces them.
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
    .target(name: "Engine", dependencies: ["CFFTW"]),
    .target(name: "Lab", dependencies: ["Engine"]),
    .target(name: "TUI"),
    .target(name: "NcursesBackend", dependencies: ["TUI", "CNcursesw"]),
    .target(name: "Workbench", dependencies: ["Engine", "Lab", "TUI"]),
    // Every reader family as bytes → verdict, shared by the libFuzzer driver and the smoke test.
    .target(name: "FuzzTargets", dependencies: ["Engine", "Lab", "TUI", "Workbench"]),
    .executableTarget(
      name: "glovebox",
      dependencies: [
        "Engine", "Lab", "TUI", "NcursesBackend", "Workbench",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "EngineTests", dependencies: ["Engine"], resources: [.copy("Fixtures")]),
    .testTarget(name: "LabTests", dependencies: ["Lab", "Engine"]),
    .testTarget(name: "TUITests", dependencies: ["TUI"]),
    .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TUI"]),
    .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "TUI", "Lab", "Engine"]),
    .testTarget(name: "GloveboxTests", dependencies: ["glovebox"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "Engine"]),
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
