import Foundation
import FuzzTargets

// libFuzzer's entry points. The family comes from GLOVEBOX_FUZZ_FAMILY (scripts/fuzz.sh sets it);
// a reader flaw that is not a crash (an error naming no file, an accepted non-finite number)
// aborts, so libFuzzer keeps the input like any crash.

/// The family this process fuzzes, resolved once (a global `let` is initialised lazily and once).
let selectedFamily: FuzzFamily = {
  let environment = ProcessInfo.processInfo.environment
  let name = environment["GLOVEBOX_FUZZ_FAMILY"] ?? ""
  if name == "list" {
    // GLOVEBOX_FUZZ_FAMILY=list: the family names, one a line (fuzz.sh's `all`).
    for family in FuzzFamily.all { print(family.name) }
    exit(0)
  }
  guard let family = FuzzFamily.named(name) else {
    let names = FuzzFamily.all.map(\.name).joined(separator: " ")
    FileHandle.standardError.write(Data("glovebox-fuzz: set GLOVEBOX_FUZZ_FAMILY to one of: \(names)\n".utf8))
    exit(2)
  }
  return family
}()

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> CInt {
  let family = selectedFamily
  // GLOVEBOX_FUZZ_SEEDS=1: print the family's seed files (one path a line) and stop; fuzz.sh
  // builds the first corpus from them.
  // GLOVEBOX_FUZZ_MAX_LEN=1: print the family's largest input (fuzz.sh's -max_len) and stop.
  if ProcessInfo.processInfo.environment["GLOVEBOX_FUZZ_MAX_LEN"] == "1" {
    print(family.maxInputBytes)
    exit(0)
  }
  if ProcessInfo.processInfo.environment["GLOVEBOX_FUZZ_SEEDS"] == "1" {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    do {
      for file in try family.seedFiles(root: root) { print(file.path) }
      exit(0)
    } catch {
      FileHandle.standardError.write(Data("glovebox-fuzz: \(error)\n".utf8))
      exit(2)
    }
  }
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  if case .flaw(let message) = selectedFamily.run(bytes) {
    FileHandle.standardError.write(Data("glovebox-fuzz: reader flaw in family \(selectedFamily.name): \(message)\n".utf8))
    abort()
  }
  return 0
}
