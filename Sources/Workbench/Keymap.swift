import Engine
import Formats
import TUI

/// A user's key overrides from `~/.config/glovebox/keys.toml`:
///
///     [global]
///     quit = "ctrl-q"
///     help = ["?", "f1"]
///     [materials]
///     scale = "s"
///
/// Each entry replaces the keys of one action in one table (`global` or a pane id). A bad entry
/// is reported with its file and line and skipped; the good ones still apply.
public struct Keymap: Sendable, Equatable {
  /// Section → action → keys.
  public var replacements: [String: [String: [Key]]]

  public init(replacements: [String: [String: [Key]]] = [:]) {
    self.replacements = replacements
  }

  /// Parses keys.toml. `tables` names every section the keymap may use and its actions
  /// (global and each registered pane). Returns the usable overrides and one error per bad
  /// entry; a TOML syntax error yields no overrides and that error.
  public static func parse(_ text: String, fileName: String, tables: [String: [KeyBinding]]) -> (Keymap, [InputError]) {
    let document: TOMLTable
    do {
      document = try TOML.parse(text, fileName: fileName)
    } catch let error as InputError {
      return (Keymap(), [error.inFile(fileName)])
    } catch {
      return (Keymap(), [InputError("\(error)", file: fileName)])
    }
    var keymap = Keymap()
    var errors: [InputError] = []
    let sections = tables.keys.sorted()
    for sectionName in document.keys {
      guard case .table(let section)? = document[sectionName] else {
        errors.append(document.error("'\(sectionName)' must be a section such as [global] (sections: \(sections.joined(separator: ", ")))", key: sectionName))
        continue
      }
      guard let bindings = tables[sectionName] else {
        errors.append(document.error("unknown keymap section [\(sectionName)] (sections: \(sections.joined(separator: ", ")))", key: sectionName))
        continue
      }
      let actions = bindings.map(\.action)
      for action in section.keys {
        guard actions.contains(action) else {
          errors.append(section.error("unknown action '\(action)' in [\(sectionName)] (actions: \(actions.joined(separator: ", ")))", key: action))
          continue
        }
        switch keys(in: section, action: action) {
        case .success(let keys): keymap.replacements[sectionName, default: [:]][action] = keys
        case .failure(let error): errors.append(error)
        }
      }
    }
    return (keymap, errors)
  }

  /// The keys of one entry: a key name or an array of key names.
  private static func keys(in section: TOMLTable, action: String) -> Result<[Key], InputError> {
    let names: [String]
    switch section[action] {
    case .string(let name)?: names = [name]
    case .array(let items)?:
      var collected: [String] = []
      for item in items {
        guard case .string(let name) = item else {
          return .failure(section.error("'\(section.qualified(action))' must be a key name or an array of key names, found \(item.typeName) in the array", key: action))
        }
        collected.append(name)
      }
      names = collected
    case let other?:
      return .failure(section.error("'\(section.qualified(action))' must be a key name such as \"ctrl-q\" or an array of them, found \(other.typeName)", key: action))
    case nil:
      return .failure(section.error("missing key '\(action)'"))
    }
    guard !names.isEmpty else {
      return .failure(section.error("'\(section.qualified(action))' has no keys (give at least one key name)", key: action))
    }
    var keys: [Key] = []
    for name in names {
      guard let key = Key(name: name) else {
        return .failure(section.error("'\(section.qualified(action))': unknown key name \"\(name)\" (expected e.g. \"q\", \"ctrl-q\", \"f1\", \"tab\", \"shift-tab\", \"enter\", \"esc\", \"up\")", key: action))
      }
      keys.append(key)
    }
    return .success(keys)
  }
}
