/// File names for narrow lists that keep the part that tells them apart: five rows of
/// `cycling/synthetic_Li-LPS` say nothing, `…Li_ccd_time-constant` does. The full name belongs
/// in the title of what the list selects.
public enum FileLabels {
  /// One label per path, each at most `width` characters. When every path fits, they are kept
  /// whole. Otherwise the text all paths share in front (back to a separator, so a word is not
  /// cut) becomes "…", the extension they all share is dropped, and what is still too long
  /// keeps its start and end around a middle "…".
  public static func distinguishing(_ paths: [String], width: Int) -> [String] {
    guard width > 0 else { return paths.map { _ in "" } }
    if paths.allSatisfy({ $0.count <= width }) { return paths }
    let names = paths.map(Array.init)
    var prefix = 0
    var suffix = 0
    if names.count > 1 {
      prefix = commonPrefixLength(names)
      // Back to just after a separator, so the kept part starts on a word.
      while prefix > 0, !separators.contains(names[0][prefix - 1]) { prefix -= 1 }
      suffix = commonExtensionLength(names, prefixLength: prefix)
    }
    return names.map { name in
      let core = String(name[prefix..<(name.count - suffix)])
      return middleEllipsis((prefix > 0 ? "…" : "") + core, width: width)
    }
  }

  /// `text` itself when it fits, else its first third and the rest of the width from its end
  /// around "…".
  public static func middleEllipsis(_ text: String, width: Int) -> String {
    let characters = Array(text)
    guard characters.count > width else { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    let head = (width - 1) / 3
    let tail = width - 1 - head
    return String(characters[0..<head]) + "…" + String(characters[(characters.count - tail)...])
  }

  static let separators: Set<Character> = ["/", "_", "-", " ", "."]

  static func commonPrefixLength(_ names: [[Character]]) -> Int {
    guard let shortest = names.map(\.count).min() else { return 0 }
    var n = 0
    while n < shortest, names.allSatisfy({ $0[n] == names[0][n] }) { n += 1 }
    // Leave every name something of its own.
    return n == shortest ? max(0, n - 1) : n
  }

  /// The length of the extension (from a ".") all names end with, leaving each name at least one
  /// character after the common prefix.
  static func commonExtensionLength(_ names: [[Character]], prefixLength: Int) -> Int {
    let first = names[0]
    guard let dot = first.lastIndex(of: "."), dot > prefixLength else { return 0 }
    var start = dot
    // The longest ".a.b" run ending the first name, e.g. ".bdf.csv".
    while let previous = first[prefixLength..<start].lastIndex(of: "."), previous > prefixLength,
      !first[previous..<start].contains(where: { separators.contains($0) && $0 != "." })
    {
      start = previous
    }
    for candidate in start...dot where first[candidate] == "." {
      let ext = first[candidate...]
      if names.allSatisfy({ $0.count - ext.count > prefixLength && $0.suffix(ext.count).elementsEqual(ext) }) {
        return ext.count
      }
    }
    return 0
  }
}
