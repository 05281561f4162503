/// A problem in a theme file that does not stop it from loading (an unknown key, a bad colour):
/// the offending entry is skipped and its colour falls back to the default theme.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, the form compilers use, so editors can jump to it.
  public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A theme file that cannot be read at all (a syntax error, an unreadable file).
public struct ThemeFileError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(file):\(line):\(column): \(message)" }
}
