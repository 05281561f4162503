import Foundation
import TUI
import Workbench

/// Finds themes by name for `--theme`, config.toml and `:theme`: `NAME.toml` in the user's
/// `~/.config/glovebox/themes`, then the shipped `Themes/` (beside the working folder or the
/// repository the binary was built in), then the built-in dark theme. Diagnostics of a theme
/// file (unknown keys, bad values) are reported as a failure naming file and line.
enum ThemeCatalog {
  static func directories(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    var result = [WorkbenchStartup.configDirectory(environment: environment).appendingPathComponent("themes").path]
    if let custom = environment["GLOVEBOX_THEMES"] { result.append(custom) }
    result.append(FileManager.default.currentDirectoryPath + "/Themes")
    // The package root's Themes/ for a binary in .build/<config>/ (a symlink to
    // .build/<triple>/<config>/): the nearest Themes/ above the executable.
    let executable = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = folder.appendingPathComponent("Themes").path
      if FileManager.default.fileExists(atPath: candidate) {
        result.append(candidate)
        break
      }
      folder = folder.deletingLastPathComponent()
    }
    return result
  }

  static func resolve(_ name: String) -> Result<Theme, EffectFailure> {
    if let path = ThemeFiles.path(named: name, in: directories()) {
      do {
        let (theme, diagnostics) = try ThemeFiles.load(path: path)
        if let first = diagnostics.first { return .failure(EffectFailure("\(first)")) }
        return .success(theme)
      } catch {
        return .failure(EffectFailure("\(error)"))
      }
    }
    if name.lowercased() == "dark" { return .success(.dark) }
    let available = Set(directories().flatMap { ThemeFiles.themePaths(inDirectory: $0) }.map {
      URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
    } + ["dark"]).sorted()
    return .failure(EffectFailure("unknown theme '\(name)' (available: \(available.joined(separator: ", ")))"))
  }
}
