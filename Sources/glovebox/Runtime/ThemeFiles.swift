import Formats
import Foundation
import TUI

/// The file-system edge of themes: finding and reading `*.toml` theme files for TUI's pure
/// `ThemeFile.parse` (text in, theme out).
enum ThemeFiles {
  /// Reads and parses a theme file.
  static func load(path: String) throws(InputError) -> (theme: Theme, diagnostics: [InputError]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError("cannot read the theme file", file: path)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError("the theme file is not UTF-8 text", file: path)
    }
    return try ThemeFile.parse(text, fileName: path)
  }

  /// The theme files (`*.toml`) of a folder, sorted by name; empty when the folder is missing.
  static func themePaths(inDirectory directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted().map { directory + "/" + $0 }
  }

  /// The first `NAME.toml` found in `directories`, searched in order (e.g. the user's theme
  /// folder before the shipped `Themes/`); nil when none has it.
  static func path(named name: String, in directories: [String]) -> String? {
    let file = name.hasSuffix(".toml") ? name : name + ".toml"
    for directory in directories {
      let candidate = directory + "/" + file
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    return nil
  }
}
