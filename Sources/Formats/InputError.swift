/// A problem with something a person or an instrument wrote: a malformed file, an unknown
/// circuit element, an impossible parameter. It says what and where, so the message can be shown
/// as `file:line:column: message` and acted on. A failed fit is not an InputError (it is a result).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file, when the input came from one.
  public var file: String?
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// What was wrong, phrased as what was expected.
  public var message: String

  public init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
    self.message = message
    self.file = file
    self.line = line
    self.column = column
  }

  /// The same error attributed to a file (keeps an already-set file).
  public func inFile(_ name: String) -> InputError {
    var copy = self
    if copy.file == nil { copy.file = name }
    return copy
  }

  public var description: String {
    var location: [String] = []
    if let file { location.append(file) }
    if let line { location.append(String(line)) }
    if let column { location.append(String(column)) }
    return location.isEmpty ? message : location.joined(separator: ":") + ": " + message
  }
}
