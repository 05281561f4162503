import Engine
import Formats

/// One reader family as a fuzz target: bytes in, a verdict out. The libFuzzer driver
/// (`scripts/fuzz.sh`) and the deterministic smoke test in `make test` run the same families, so
/// a flaw either finds is a flaw in the reader the program uses.
///
/// Adding a family: one file `FuzzFamily+Name.swift` with a `static let name = FuzzFamily(...)`
/// and one line in `FuzzFamily.all`.
public struct FuzzFamily: Sendable {
  /// Short name used on the command line, for the corpus folder and in crash folders.
  public let name: String
  /// Seed files, relative to the repository root: a folder (its files with one of `extensions`,
  /// not recursive) or a single file.
  public let seeds: [String]
  /// Lower-case file extensions (without the dot) taken from seed folders.
  public let extensions: Set<String>
  /// The name the input is read under (the reader's errors must carry it). Content decides it
  /// for families whose reader picks a format from the name.
  public let fileName: @Sendable ([UInt8]) -> String
  /// Reads the bytes as the program would and judges what came back.
  public let judge: @Sendable (_ bytes: [UInt8], _ fileName: String) -> FuzzVerdict
  /// libFuzzer's `-max_len` for this family. Text is fuzzed in pieces up to 64 KB (mutations are
  /// ten times faster there than at the size of the deepest nesting seeds); containers whose
  /// directory sits at the end (zip) or whose records follow a long header (.mpr, .nda) need
  /// their whole seed, so those families take more and keep their seeds small.
  public let maxInputBytes: Int

  public init(
    name: String, seeds: [String], extensions: Set<String>, maxInputBytes: Int = 65536,
    fileName: @escaping @Sendable ([UInt8]) -> String,
    judge: @escaping @Sendable (_ bytes: [UInt8], _ fileName: String) -> FuzzVerdict
  ) {
    self.name = name
    self.seeds = seeds
    self.extensions = extensions
    self.maxInputBytes = maxInputBytes
    self.fileName = fileName
    self.judge = judge
  }

  /// Runs the reader on `bytes`.
  public func run(_ bytes: [UInt8]) -> FuzzVerdict { judge(bytes, fileName(bytes)) }

  /// Every family, in the order `make fuzz` runs them.
  public static let all: [FuzzFamily] = [
    impedance, cycler, cyclerBinary, toml, recipe, cellProtocol, simulationConfig, theme, keymap, circuit, formula, vtk,
    spectra, xylib, cif, sweep,
  ]

  public static func named(_ name: String) -> FuzzFamily? { all.first { $0.name == name } }
}

/// What a reader did with an input. A crash or a hang never returns, so it is not a case here.
public enum FuzzVerdict: Equatable, Sendable {
  /// The input was read and every value in the result is usable.
  case accepted
  /// The input was refused with an `InputError` naming the file (or, for a string with no file,
  /// naming the position).
  case rejected
  /// A reader flaw that is not a crash: an error that names no file, a foreign error type, a
  /// non-finite number in an accepted result. The message says which.
  case flaw(String)

  /// The verdict for an error thrown while reading `fileName`.
  public static func judging(_ error: any Error, fileName: String) -> FuzzVerdict {
    guard let input = error as? InputError else { return .flaw("not an InputError: \(type(of: error)): \(error)") }
    guard input.file == fileName else { return .flaw("the error does not name \(fileName): \(input)") }
    return .rejected
  }

  /// `.accepted` when every value is finite, a flaw naming `what` otherwise.
  public static func finite(_ values: [Double], _ what: String) -> FuzzVerdict {
    if let bad = values.first(where: { !$0.isFinite }) { return .flaw("accepted a non-finite \(what): \(bad)") }
    return .accepted
  }

  /// The first flaw among `verdicts`, else `.accepted`.
  public static func all(_ verdicts: [FuzzVerdict]) -> FuzzVerdict {
    verdicts.first { if case .flaw = $0 { true } else { false } } ?? .accepted
  }
}

extension String {
  /// Bytes as a reader of text sees them: UTF-8, invalid sequences replaced.
  init(fuzzBytes bytes: [UInt8]) { self = String(decoding: bytes, as: UTF8.self) }
}
