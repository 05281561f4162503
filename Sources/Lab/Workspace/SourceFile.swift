/// A text file's path and contents, as handed to the pure parsers.
public struct SourceFile: Sendable, Hashable {
  public var path: String
  public var text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// The file name without folders and extension ("recipes/LPSC.toml" → "LPSC").
  public var baseName: String { Self.baseName(of: path) }

  public static func baseName(of path: String) -> String {
    let last = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
    return String(last[..<dot])
  }
}
