import Engine
import TUI
import Workbench

extension FuzzFamily {
  /// User key maps (`Keymap.parse`) against the global table and the Impedance and Cycling
  /// panes' tables. Every error must carry the file.
  public static let keymap = FuzzFamily(
    name: "keymap",
    seeds: ["Tests/Fuzz/seeds/keymap"],
    extensions: ["toml"],
    fileName: { _ in "fuzz-keys.toml" },
    judge: { bytes, fileName in
      let tables: [String: [KeyBinding]] = [
        GlobalBindings.section: GlobalBindings.defaults, "impedance": ImpedancePane.keyTable,
        "cycling": CyclingPane.keyTable,
      ]
      let (_, errors) = Keymap.parse(String(fuzzBytes: bytes), fileName: fileName, tables: tables)
      if let stray = errors.first(where: { $0.file != fileName }) {
        return .flaw("an error does not name \(fileName): \(stray)")
      }
      return errors.isEmpty ? .accepted : .rejected
    })
}
