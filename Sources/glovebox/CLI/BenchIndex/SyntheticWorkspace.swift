import Workbench
import Foundation
import Glibc

/// A workspace of many small files for `bench-index`: nested data folders with a mix of kinds
/// (impedance and cycler tables, spectra, notes, images), recipes and protocols, a hidden `.git`,
/// and a run folder with many field snapshots — the layout a lab's shared folder grows into.
struct SyntheticWorkspace {
  let root: String
  /// Files written, hidden and run-folder files included.
  private(set) var filesWritten = 0
  /// What the index should hold: every visible file outside the run folder, plus the run
  /// folder as one entry.
  private(set) var expectedEntries = 0
  private(set) var expectedByKind: [WorkspaceFileKind: Int] = [:]

  init(root: String) {
    self.root = root
  }

  static let impedanceText = "frequency_hz,z_real_ohm,z_imag_ohm\n1e+06,14.9,-1.03\n1e+05,15.0,-0.97\n"
  static let cyclingText = "Test Time / s,Voltage / V,Current / A\n0,0.0,0\n60,0.002,7.85e-05\n"
  static let spectrumText = "Raman shift (cm-1),Intensity\n100,12\n101,14\n"

  /// Writes `total` files (at least 10 000): about 5 % field snapshots in one run folder, 1 %
  /// under `.git`, the rest in `data/gNNN/sNN/` folders of ~100 files each.
  mutating func build(total: Int) throws {
    try make("recipes")
    try make("protocols")
    for i in 0..<10 {
      try write("recipes/r\(i).toml", "name = \"r\(i)\"\nproduct = \"Li6PS5Cl\"\n", kind: .recipe)
      try write("protocols/p\(i).toml", "id = \"p\(i)\"\n[[steps]]\ntype = \"layer\"\n", kind: .cellProtocol)
    }
    try write("materials.toml", "[materials.LPSC]\nformula = \"Li6PS5Cl\"\n", kind: .materials)
    let snapshots = total / 20
    let hidden = total / 100
    try make("runs/run-big/fields")
    try write("runs/run-big/status.json", "{\"state\":\"running\",\"step\":1}\n", kind: nil)
    try write("runs/run-big/metrics.csv", "step,time\n1,0.1\n", kind: nil)
    try write("runs/run-big/config.toml", "name = \"big\"\n", kind: nil)
    for i in 0..<snapshots { try write("runs/run-big/fields/step-\(i).vti", "<VTKFile/>\n", kind: nil) }
    expectedEntries += 1
    expectedByKind[.runFolder, default: 0] += 1
    try make(".git/objects")
    for i in 0..<hidden { try write(".git/objects/o\(i)", "blob", kind: nil) }
    var group = 0
    while filesWritten < total {
      let folder = "data/g\(group / 10)/s\(group % 10)"
      try make(folder)
      for i in 0..<100 where filesWritten < total {
        switch i % 10 {
        case 0, 1, 2: try write("\(folder)/eis-\(i).csv", Self.impedanceText, kind: .impedance)
        case 3, 4: try write("\(folder)/cycle-\(i).csv", Self.cyclingText, kind: .cycling)
        case 5: try write("\(folder)/xrd-\(i).xy", "10.0 120\n10.02 131\n", kind: .spectrum)
        case 6: try write("\(folder)/raman-\(i).txt", Self.spectrumText, kind: .spectrum)
        case 7: try write("\(folder)/notes-\(i).md", "# notes\n", kind: .other)
        case 8: try write("\(folder)/photo-\(i).png", "\u{89}PNG", kind: .other)
        default: try write("\(folder)/sim-\(i).toml", "name = \"s\"\n[physics]\ntemperature = 297.15\n", kind: .simulationConfig)
        }
      }
      group += 1
    }
  }

  private func make(_ folder: String) throws {
    try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
  }

  /// One file through open/write/close (Foundation's writers cost more than the index).
  private mutating func write(_ path: String, _ text: String, kind: WorkspaceFileKind?) throws {
    let descriptor = open(root + "/" + path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SyntheticWorkspaceError(path: path) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == bytes.count else { throw SyntheticWorkspaceError(path: path) }
    filesWritten += 1
    if let kind {
      expectedEntries += 1
      expectedByKind[kind, default: 0] += 1
    }
  }
}

struct SyntheticWorkspaceError: Error, CustomStringConvertible {
  var path: String
  var description: String { "cannot write \(path) of the benchmark workspace" }
}
