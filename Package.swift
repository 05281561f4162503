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
    // xylib (Debian libxy-dev) behind a C++ shim that turns its exceptions into error strings.
    .target(name: "CXylib", path: "Sources/CXylib", linkerSettings: [.linkedLibrary("xy")]),
    .target(name: "Engine", dependencies: ["CFFTW", "CXylib"]),
    .target(name: "Lab", dependencies: ["Engine"]),
    .target(name: "TUI"),
    .target(name: "NcursesBackend", dependencies: ["TUI", "CNcursesw"]),
    .target(name: "Workbench", dependencies: ["Engine", "Lab", "TUI"]),
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
  ]
)
