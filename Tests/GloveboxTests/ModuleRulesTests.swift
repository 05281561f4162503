import Foundation
import XCTest

/// DESIGN.md's import rules, checked on the source tree: a module may import only the modules of
/// ours it is allowed to, only NcursesBackend imports CNcursesw, only Engine/Numerics imports
/// CFFTW, only Formats (and the executable's benchmark writer) imports CZlib; one TOML parser and
/// no hand-written inflate in the tree. Foundation, Glibc, Synchronization and package products
/// are not ours and not checked.
final class ModuleRulesTests: XCTestCase {
  static let ours: Set<String> = [
    "CNcursesw", "CFFTW", "CZlib", "CXylib", "Formats", "Engine", "Lab", "TUI", "NcursesBackend", "Workbench", "glovebox",
    "FuzzTargets",
  ]

  static let allowed: [String: Set<String>] = [
    "Formats": ["CZlib"],
    "Engine": ["Formats", "CFFTW", "CXylib"],
    "Lab": ["Engine", "Formats"],
    "TUI": ["Formats"],
    "NcursesBackend": ["TUI", "CNcursesw"],
    "Workbench": ["Engine", "Lab", "TUI", "Formats"],
    "glovebox": ["Formats", "Engine", "Lab", "TUI", "NcursesBackend", "Workbench", "CZlib"],
    // The fuzz families call the readers of every domain module, like the app does; nothing
    // imports them but the fuzz driver and its tests.
    "FuzzTargets": ["Engine", "Lab", "TUI", "Workbench", "Formats"],
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

  func testOnlyFormatsAndTheBenchmarkWriterImportZlib() throws {
    for module in Self.allowed.keys {
      for (file, imported) in try Self.importsOfOurs(module: module) where imported == "CZlib" {
        XCTAssertTrue(
          module == "Formats" || file.hasPrefix("glovebox/CLI/Bench/"),
          "\(file) imports CZlib; only Formats and glovebox/CLI/Bench may")
      }
    }
    XCTAssertTrue(try Self.importsOfOurs(module: "Formats").contains { $0.imported == "CZlib" })
  }

  /// Every Swift file under Sources/, with its path relative to Sources/ and its text.
  static func sourceFiles() throws -> [(file: String, text: String)] {
    guard let walker = FileManager.default.enumerator(at: sourcesURL, includingPropertiesForKeys: nil) else { return [] }
    var files: [(String, String)] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      files.append((String(url.path.dropFirst(sourcesURL.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
    }
    return files
  }

  func testOneTOMLParserInTheTree() throws {
    // A TOML parser reads `[table]` headers and `key = value` lines; the one in Formats/TOML is the
    // only file that may. The marker: a type or function named like a TOML parser or tokenizer.
    let marker = try NSRegularExpression(pattern: "(struct|class|enum|func)\\s+\\w*TOML\\w*(Parser|Subset|Scanner|Lexer|Tokenizer)\\b")
    var parsers: [String] = []
    for (file, text) in try Self.sourceFiles() {
      let range = NSRange(text.startIndex..., in: text)
      if marker.firstMatch(in: text, range: range) != nil { parsers.append(file) }
    }
    XCTAssertFalse(parsers.isEmpty, "the checker must find Formats' own parser")
    XCTAssertTrue(parsers.allSatisfy { $0.hasPrefix("Formats/TOML/") }, "TOML parsers outside Formats/TOML: \(parsers)")
  }

  func testNoHandWrittenInflate() throws {
    // Inflate comes from zlib: no Huffman decoder and no deflate block parsing of our own, and the
    // inflate stream calls zlib's `inflate`.
    for (file, text) in try Self.sourceFiles() {
      XCTAssertFalse(text.contains("struct Huffman") || text.contains("fixedLength: Huffman"), "\(file) decodes Huffman codes itself")
      XCTAssertFalse(text.contains("BTYPE") && text.contains("func read"), "\(file) parses deflate blocks itself")
    }
    let inflate = try Self.sourceFiles().first { $0.file == "Formats/Zip/InflateStream.swift" }
    XCTAssertTrue(inflate?.text.contains("inflate(stream, Z_NO_FLUSH)") ?? false)
  }

  func testOnlyTheSpectraReadersImportXylib() throws {
    for (file, imported) in try Self.importsOfOurs(module: "Engine") where imported == "CXylib" {
      XCTAssertTrue(file.hasPrefix("Engine/Spectra/Readers/"), "\(file) imports CXylib; only the spectra readers may")
    }
  }

  func testTheRuleCheckerSeesImports() throws {
    // The checker must find NcursesBackend's import of CNcursesw, or the rules above prove nothing.
    let imports = try Self.importsOfOurs(module: "NcursesBackend").map(\.imported)
    XCTAssertTrue(imports.contains("CNcursesw"))
  }

  /// The modules that must stay pure (DESIGN.md: "pure core, thin edges"): no file-system call
  /// in any of their files. The runtime (Sources/glovebox) and the CLI do the reading and
  /// writing. TUI joins this list when its theme loading leaves it (branch `wsindex`).
  static let pureModules = ["Workbench", "Lab"]

  /// File-system calls by name: Foundation's file classes, C stdio and directory streams, and
  /// `contentsOf:` as a file read (`String(contentsOf:)`, `Data(contentsOf:)`, a reader's
  /// `read(contentsOf:)`) — not the collection method `append(contentsOf:)`.
  static func fileSystemCalls(in text: String) -> [String] {
    var found: [String] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      for name in ["FileManager", "FileHandle", "fopen", "opendir"] where line.contains(name) {
        found.append("line \(number + 1): \(name)")
      }
      var rest = Substring(line)
      while let range = rest.range(of: "contentsOf:") {
        let before = rest[..<range.lowerBound]
        if !(before.hasSuffix("append(") || before.hasSuffix("insert(")) {
          found.append("line \(number + 1): contentsOf: as a file read")
        }
        rest = rest[range.upperBound...]
      }
    }
    return found
  }

  func testPureModulesMakeNoFileSystemCalls() throws {
    for module in Self.pureModules {
      let root = Self.sourcesURL.appendingPathComponent(module)
      let walker = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
      var files = 0
      for case let url as URL in walker where url.pathExtension == "swift" {
        files += 1
        let calls = Self.fileSystemCalls(in: try String(contentsOf: url, encoding: .utf8))
        XCTAssertEqual(calls, [], "\(module)/\(url.lastPathComponent) reaches the file system; move it to the runtime")
      }
      XCTAssertGreaterThan(files, 10, "\(module): the checker found its sources")
    }
  }

  func testTheFileSystemCheckerSeesCallsAndSparesCollectionAppends() {
    let text = """
      let data = try Data(contentsOf: url)
      items.append(contentsOf: more)
      let names = try FileManager.default.contentsOfDirectory(atPath: path)
      let f = fopen(path, "r")
      """
    XCTAssertEqual(Self.fileSystemCalls(in: text), [
      "line 1: contentsOf: as a file read", "line 3: FileManager", "line 4: fopen",
    ])
    // The runtime does reach the file system, so the check would catch a move back.
    let runtime = Self.sourcesURL.appendingPathComponent("glovebox/Runtime/EffectFileIO.swift")
    XCTAssertFalse(Self.fileSystemCalls(in: (try? String(contentsOf: runtime, encoding: .utf8)) ?? "").isEmpty)
  }
}
