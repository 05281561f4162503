import Engine
import TUI
import Workbench

extension FuzzFamily {
  /// User key maps (`Keymap.parse`) against the global table and every pane's table. Every error must carry the file.
  public static let keymap = FuzzFamily(
    name: "keymap",
    seeds: ["Tests/Fuzz/seeds/keymap"],
    extensions: ["toml"],
    fileName: { _ in "fuzz-keys.toml" },
    judge: { bytes, fileName in
      // Every registered pane's table, as the workbench builds them at start-up.
      var tables: [String: [KeyBinding]] = [GlobalBindings.section: GlobalBindings.defaults]
      for pane in PaneRegistry.makePanes(workspace: "") { tables[pane.id] = pane.bindings }
      let (_, errors) = Keymap.parse(String(fuzzBytes: bytes), fileName: fileName, tables: tables)
      if let stray = errors.first(where: { $0.file != fileName }) {
        return .flaw("an error does not name \(fileName): \(stray)")
      }
      return errors.isEmpty ? .accepted : .rejected
    })
}
