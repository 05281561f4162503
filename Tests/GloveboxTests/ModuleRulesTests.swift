import Foundation
import XCTest

/// DESIGN.md's import rules, checked on the source tree: a module may import only the modules of
/// ours it is allowed to, only NcursesBackend imports CNcursesw, and only Engine/Numerics imports
/// CFFTW. Foundation, Glibc, Synchronization and package products are not ours and not checked.
final class ModuleRulesTests: XCTestCase {
  static let ours: Set<String> = ["CNcursesw", "CFFTW", "Engine", "Lab", "TUI", "NcursesBackend", "Workbench", "glovebox", "FuzzTargets"]

  static let allowed: [String: Set<String>] = [
    "Engine": ["CFFTW"],
    "Lab": ["Engine"],
    "TUI": [],
    "NcursesBackend": ["TUI", "CNcursesw"],
    "Workbench": ["Engine", "Lab", "TUI"],
    "glovebox": ["Engine", "Lab", "TUI", "NcursesBackend", "Workbench"],
    // The fuzz families call the readers of every domain module, like the app does; nothing
    // imports them but the fuzz driver and its tests.
    "FuzzTargets": ["Engine", "Lab", "TUI", "Workbench"],
    "glovebox-fuzz": ["FuzzTargets"],
  ]

  static var sourcesURL: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
  }

  /// Every `import X` of ours in a module's files, with the file path relative to Sources/.
  static func importsOfOurs(module: String) throws -> [(file: String, imported: String)] {
    let root = sourcesURL.appendingPathComponent(module)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    var found: [(String, String)] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      let relative = String(url.path.dropFirst(sourcesURL.path.count + 1))
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // `import X`, `@testable import X`, `@_exported import X`, `import struct X.Y`.
        guard let at = words.firstIndex(of: "import"), words[..<at].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "internal" }) else { continue }
        var rest = words[(at + 1)...]
        if let first = rest.first, ["struct", "class", "enum", "func", "protocol", "var", "let", "typealias"].contains(first) {
          rest = rest.dropFirst()
        }
        guard let target = rest.first else { continue }
        let moduleName = String(target.split(separator: ".")[0])
        if ours.contains(moduleName) { found.append((relative, moduleName)) }
      }
    }
    return found
  }

  func testEveryModuleImportsOnlyWhatDesignAllows() throws {
    for (module, permitted) in Self.allowed {
      for (file, imported) in try Self.importsOfOurs(module: module) {
        XCTAssertTrue(permitted.contains(imported), "\(file) imports \(imported); \(module) may import only \(permitted.sorted())")
      }
    }
  }

  func testOnlyEngineNumericsImportsFFTW() throws {
    for (file, imported) in try Self.importsOfOurs(module: "Engine") where imported == "CFFTW" {
      XCTAssertTrue(file.hasPrefix("Engine/Numerics/"), "\(file) imports CFFTW; only Engine/Numerics may")
    }
  }

  func testTheRuleCheckerSeesImports() throws {
    // The checker must find NcursesBackend's import of CNcursesw, or the rules above prove nothing.
    let imports = try Self.importsOfOurs(module: "NcursesBackend").map(\.imported)
    XCTAssertTrue(imports.contains("CNcursesw"))
  }
}
