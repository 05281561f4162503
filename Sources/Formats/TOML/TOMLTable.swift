/// A TOML table: keys in the order the file wrote them, each with the line it was defined on,
/// so that every later complaint about a value ("expected a positive mass") can name the line.
public struct TOMLTable: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var key: String
    public var value: TOMLValue
    /// 1-based line of the key (for a table, its header or first dotted key).
    public var line: Int
    /// 1-based column where the key starts (a dotted key's first part); nil for tables opened
    /// by a header, keys inside inline tables and tables built in code.
    public var column: Int?
    /// 1-based column where the value starts, when known (as for `column`).
    public var valueColumn: Int?
  }

  public private(set) var entries: [Entry] = []
  /// The file the table was read from (for messages), if any.
  public var fileName: String?
  /// The line where the table starts (its `[header]`, or 1 for the root).
  public var line: Int
  /// The dotted path of this table from the root, e.g. `process.anneal`.
  public var path: String

  public init(fileName: String? = nil, line: Int = 1, path: String = "") {
    self.fileName = fileName
    self.line = line
    self.path = path
  }

  public var keys: [String] { entries.map(\.key) }
  public var isEmpty: Bool { entries.isEmpty }

  public subscript(key: String) -> TOMLValue? {
    entries.first(where: { $0.key == key })?.value
  }

  /// The line where `key` was defined, or nil when absent.
  public func line(of key: String) -> Int? {
    entries.first(where: { $0.key == key })?.line
  }

  public func contains(_ key: String) -> Bool { entries.contains(where: { $0.key == key }) }

  /// Adds or replaces a key (used by the parser and by code that builds tables to write out).
  /// Replacing keeps the key's first line and columns.
  public mutating func set(_ key: String, _ value: TOMLValue, line: Int, column: Int? = nil, valueColumn: Int? = nil) {
    if let i = entries.firstIndex(where: { $0.key == key }) {
      entries[i].value = value
    } else {
      entries.append(Entry(key: key, value: value, line: line, column: column, valueColumn: valueColumn))
    }
  }

  /// The qualified name of `key` as a person would look for it in the file (`anneal.hold_h`).
  public func qualified(_ key: String) -> String {
    path.isEmpty ? key : path + "." + key
  }

  /// An error located at `key` (or at the table itself when the key is absent).
  public func error(_ message: String, key: String? = nil) -> InputError {
    let at = key.flatMap { line(of: $0) } ?? line
    return InputError(message, file: fileName, line: at)
  }
}
