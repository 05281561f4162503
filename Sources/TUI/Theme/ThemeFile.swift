import Formats

/// Theme files (`Themes/*.toml`), read by Formats' TOML parser. A theme file names the semantic
/// colours of `Theme`:
///
///     name = "dark"
///     background = "#1c1f26"       # "#RRGGBB", a palette index 0–255, "default" or an ANSI name
///     "border.focused" = "#61afef"
///     [series]
///     1 = "#61afef"
///
/// Keys are read as dotted paths (`[series]` + `1` → `series.1`; a quoted `"border.focused"` and
/// a bare `border.focused` name the same colour, but a bare one cannot follow `border = …`, as
/// TOML forbids extending a value). Missing keys fall back to `Theme.dark` (and a missing `name`
/// to the file name without its extension). Unknown keys and bad values become diagnostics at
/// their line and column and the rest still loads; a TOML syntax error throws `InputError`.
public enum ThemeFile {
  /// Every key a theme file may set, in the order `serialize` writes them.
  public static let keys: [String] =
    ["name", "background", "text", "border", "border.focused", "title", "selection", "hint.key", "error", "warning", "ok"]
    + (1...6).map { "series.\($0)" } + ["heatmap.low", "heatmap.mid", "heatmap.high"]

  /// One key of the file under its dotted path, where it was written.
  struct Entry {
    var key: String
    var value: TOMLValue
    var line: Int
    var keyColumn: Int?
    var valueColumn: Int?
  }

  /// Parses a theme file's text. Diagnostics (`file:line:column: message`) are sorted by place.
  /// - Throws: `InputError` for a TOML syntax error, or a colour set twice under one path.
  public static func parse(_ text: String, fileName: String) throws(InputError) -> (theme: Theme, diagnostics: [InputError]) {
    let root: TOMLTable
    do {
      root = try TOML.parse(text, fileName: fileName)
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError("\(error)", file: fileName)
    }
    var entries: [Entry] = []
    try flatten(root, prefix: "", into: &entries, fileName: fileName)
    var theme = Theme.dark
    theme.name = defaultName(fileName)
    var diagnostics: [InputError] = []
    for entry in entries {
      func report(_ column: Int?, _ message: String) {
        diagnostics.append(InputError(message, file: fileName, line: entry.line, column: column))
      }
      if entry.key == "name" {
        if case .string(let name) = entry.value {
          theme.name = name
        } else {
          report(entry.valueColumn, "expected a quoted string for 'name', found \(describe(entry.value))")
        }
        continue
      }
      guard keys.contains(entry.key) else {
        report(entry.keyColumn, "unknown key '\(entry.key)'; expected one of: \(keys.joined(separator: ", "))")
        continue
      }
      switch color(from: entry.value) {
      case .success(let color): set(entry.key, color, in: &theme)
      case .failure(let problem): report(entry.valueColumn, "bad colour for '\(entry.key)': \(problem.message)")
      }
    }
    diagnostics.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
    return (theme, diagnostics)
  }

  /// The table's values under dotted paths, tables opened into their keys. Two spellings of one
  /// path (`"border.focused"` and `[border] focused`) are the same colour set twice: an error.
  static func flatten(_ table: TOMLTable, prefix: String, into entries: inout [Entry], fileName: String) throws(InputError) {
    for entry in table.entries {
      let path = prefix.isEmpty ? entry.key : prefix + "." + entry.key
      if case .table(let child) = entry.value {
        try flatten(child, prefix: path, into: &entries, fileName: fileName)
        continue
      }
      if let first = entries.first(where: { $0.key == path }) {
        throw InputError(
          "duplicate key '\(path)' (first set on line \(first.line))", file: fileName, line: entry.line, column: entry.column)
      }
      entries.append(Entry(key: path, value: entry.value, line: entry.line, keyColumn: entry.column, valueColumn: entry.valueColumn))
    }
  }

  /// The theme as a theme file; `parse(serialize(t))` gives back `t` with no diagnostics
  /// (for a theme with six series colours).
  public static func serialize(_ theme: Theme) -> String {
    var escapedName = ""
    for ch in theme.name {
      if ch == "\"" || ch == "\\" { escapedName.append("\\") }
      escapedName.append(ch)
    }
    var text = "name = \"\(escapedName)\"\n"
    for key in keys.dropFirst() where !key.hasPrefix("series.") && !key.hasPrefix("heatmap.") {
      // Dotted keys are quoted: a bare `border.focused` next to `border` is not valid TOML.
      let written = key.contains(".") ? "\"\(key)\"" : key
      if let color = get(key, of: theme) { text += "\(written) = \(literal(color))\n" }
    }
    text += "\n[series]\n"
    for i in 1...6 { text += "\(i) = \(literal(theme.seriesColor(i - 1)))\n" }
    text += "\n[heatmap]\n"
    text += "low = \(literal(theme.heatmapLow))\nmid = \(literal(theme.heatmapMid))\nhigh = \(literal(theme.heatmapHigh))\n"
    return text
  }

  /// The TOML literal of a colour: `"#rrggbb"`, an integer, or `"default"`.
  public static func literal(_ color: Color) -> String {
    switch color {
    case .terminalDefault: return "\"default\""
    case .indexed(let i): return String(i)
    case .rgb(let r, let g, let b): return "\"#" + hex(r) + hex(g) + hex(b) + "\""
    }
  }

  struct ColorProblem: Error {
    var message: String
  }

  static let expectedColor = "expected \"#RRGGBB\", an integer 0–255, \"default\" or an ANSI colour name (black, red, …, bright-white)"

  static func color(from value: TOMLValue) -> Result<Color, ColorProblem> {
    switch value {
    case .integer(let n):
      guard (0...255).contains(n) else { return .failure(ColorProblem(message: "palette index \(n) is outside 0–255")) }
      return .success(.indexed(UInt8(n)))
    case .string(let s):
      if let color = parseColor(s) { return .success(color) }
      return .failure(ColorProblem(message: "\(expectedColor), found \"\(s)\""))
    default:
      return .failure(ColorProblem(message: "\(expectedColor), found \(describe(value))"))
    }
  }

  /// A colour written as text: `#RRGGBB`, `default`, or an ANSI name (`bright-red`, also
  /// `bright_red` and `brightred`).
  public static func parseColor(_ text: String) -> Color? {
    let lower = text.lowercased()
    if lower == "default" { return .terminalDefault }
    if lower.hasPrefix("#") {
      let digits = Array(lower.utf8.dropFirst())
      guard digits.count == 6 else { return nil }
      var channels: [UInt8] = []
      for k in stride(from: 0, to: 6, by: 2) {
        guard let hi = hexValue(digits[k]), let lo = hexValue(digits[k + 1]) else { return nil }
        channels.append(hi << 4 | lo)
      }
      return .rgb(channels[0], channels[1], channels[2])
    }
    let normalised = lower.replacingUnderscores()
    for (i, name) in Color.ansiNames.enumerated()
    where name == normalised || name.filter({ $0 != "-" }) == normalised {
      return .indexed(UInt8(i))
    }
    return nil
  }

  static func describe(_ value: TOMLValue) -> String {
    switch value {
    case .string(let s): return "the string \"\(s)\""
    case .integer(let n): return "the integer \(n)"
    case .boolean(let b): return "the boolean \(b)"
    case .float(let x): return "the number \(x)"
    case .dateTime(let t): return "the date-time \(t)"
    case .array: return "an array"
    case .table: return "a table"
    }
  }

  static func defaultName(_ fileName: String) -> String {
    let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
    if base.hasSuffix(".toml") { return String(base.dropLast(5)) }
    return base
  }

  private static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    default: return nil
    }
  }

  private static func hex(_ v: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(v >> 4)], digits[Int(v & 0xf)]])
  }

  static func set(_ key: String, _ color: Color, in theme: inout Theme) {
    switch key {
    case "background": theme.background = color
    case "text": theme.text = color
    case "border": theme.border = color
    case "border.focused": theme.borderFocused = color
    case "title": theme.title = color
    case "selection": theme.selection = color
    case "hint.key": theme.hintKey = color
    case "error": theme.error = color
    case "warning": theme.warning = color
    case "ok": theme.ok = color
    case "heatmap.low": theme.heatmapLow = color
    case "heatmap.mid": theme.heatmapMid = color
    case "heatmap.high": theme.heatmapHigh = color
    default:
      if key.hasPrefix("series."), let n = Int(key.dropFirst(7)), (1...6).contains(n) {
        while theme.series.count < 6 { theme.series.append(Theme.dark.seriesColor(theme.series.count)) }
        theme.series[n - 1] = color
      }
    }
  }

  static func get(_ key: String, of theme: Theme) -> Color? {
    switch key {
    case "background": return theme.background
    case "text": return theme.text
    case "border": return theme.border
    case "border.focused": return theme.borderFocused
    case "title": return theme.title
    case "selection": return theme.selection
    case "hint.key": return theme.hintKey
    case "error": return theme.error
    case "warning": return theme.warning
    case "ok": return theme.ok
    case "heatmap.low": return theme.heatmapLow
    case "heatmap.mid": return theme.heatmapMid
    case "heatmap.high": return theme.heatmapHigh
    default:
      if key.hasPrefix("series."), let n = Int(key.dropFirst(7)), (1...6).contains(n) { return theme.seriesColor(n - 1) }
      return nil
    }
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" ? "-" : $0 })
  }
}
