/// Reads TOML 1.0 documents: the format of Glovebox's recipes, protocols, simulation configs,
/// keymaps and settings. Every error is an `InputError` with the file, line and column of the
/// problem and what was expected there; every key remembers its line for later checks.
public enum TOML {
  /// Parses a whole document into its root table.
  /// - Throws: `InputError` for any syntax error, duplicate key or redefined table.
  public static func parse(_ text: String, fileName: String? = nil) throws -> TOMLTable {
    var parser = TOMLParser(text: text, fileName: fileName)
    return try parser.parseDocument()
  }
}
