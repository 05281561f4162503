import Engine
import Formats
import TUI

/// Settings from `~/.config/glovebox/config.toml`:
///
///     theme = "light"
///     colors = 256            # 8, 16, 256 or "truecolor"
///     graph_symbols = "braille"   # braille, block or ascii
///     graphics = "auto"           # auto, sixel, kitty or cells ("none" = cells)
///
/// Command-line options override these. Unknown keys and bad values are reported with their
/// line and left at their defaults.
public struct WorkbenchConfig: Equatable, Sendable {
  public var theme: String?
  public var colors: ColorDepth?
  public var graphSymbols: GraphSymbols?
  /// Images in the Simulation pane; nil means `auto`.
  public var graphics: GraphicsSetting?

  public init(theme: String? = nil, colors: ColorDepth? = nil, graphSymbols: GraphSymbols? = nil,
              graphics: GraphicsSetting? = nil) {
    self.theme = theme
    self.colors = colors
    self.graphSymbols = graphSymbols
    self.graphics = graphics
  }

  static let keys: Set<String> = ["theme", "colors", "graph_symbols", "graphics"]

  /// Parses a colour depth as people write it: 8, 16, 256, "truecolor"/"24bit".
  public static func colorDepth(named text: String) -> ColorDepth? {
    switch text.lowercased() {
    case "8": return .eight
    case "16": return .sixteen
    case "256": return .palette256
    case "truecolor", "truecolour", "24bit", "16m": return .trueColor
    default: return nil
    }
  }

  public static func parse(_ text: String, fileName: String) -> (WorkbenchConfig, [InputError]) {
    let document: TOMLTable
    do {
      document = try TOML.parse(text, fileName: fileName)
    } catch let error as InputError {
      return (WorkbenchConfig(), [error.inFile(fileName)])
    } catch {
      return (WorkbenchConfig(), [InputError("\(error)", file: fileName)])
    }
    var config = WorkbenchConfig()
    var errors = document.unknownKeys(allowed: keys)
    switch document["theme"] {
    case .string(let name)? where !name.isEmpty: config.theme = name
    case let other?: errors.append(document.error("'theme' must be a theme name such as \"dark\", found \(other.typeName == "a string" ? "an empty string" : other.typeName)", key: "theme"))
    case nil: break
    }
    switch document["colors"] {
    case .integer(let n)?:
      if let depth = colorDepth(named: String(n)) { config.colors = depth } else {
        errors.append(document.error("'colors' must be 8, 16, 256 or \"truecolor\", found \(n)", key: "colors"))
      }
    case .string(let name)?:
      if let depth = colorDepth(named: name) { config.colors = depth } else {
        errors.append(document.error("'colors' must be 8, 16, 256 or \"truecolor\", found \"\(name)\"", key: "colors"))
      }
    case let other?: errors.append(document.error("'colors' must be 8, 16, 256 or \"truecolor\", found \(other.typeName)", key: "colors"))
    case nil: break
    }
    switch document["graph_symbols"] {
    case .string(let name)?:
      if let symbols = GraphSymbols(rawValue: name.lowercased()) { config.graphSymbols = symbols } else {
        errors.append(document.error("'graph_symbols' must be \"braille\", \"block\" or \"ascii\", found \"\(name)\"", key: "graph_symbols"))
      }
    case let other?: errors.append(document.error("'graph_symbols' must be \"braille\", \"block\" or \"ascii\", found \(other.typeName)", key: "graph_symbols"))
    case nil: break
    }
    let graphicsWords = "\"auto\", \"sixel\", \"kitty\" or \"cells\""
    switch document["graphics"] {
    case .string(let name)?:
      if let setting = GraphicsSetting(name: name) { config.graphics = setting } else {
        errors.append(document.error("'graphics' must be \(graphicsWords), found \"\(name)\"", key: "graphics"))
      }
    case let other?: errors.append(document.error("'graphics' must be \(graphicsWords), found \(other.typeName)", key: "graphics"))
    case nil: break
    }
    return (config, errors)
  }
}
