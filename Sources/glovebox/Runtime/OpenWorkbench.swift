import ArgumentParser
import Foundation
import Workbench

/// `glovebox [open] [DIR] [--theme NAME] [--colors N]`: the interactive workbench. It is the
/// default subcommand, so plain `glovebox` or `glovebox DIR` opens it.
struct OpenWorkbench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the workbench on a workspace folder (the default).")

  @Argument(help: "The workspace folder to open (default: the current folder).")
  var directory: String?

  @Option(help: "Colour theme by name (overrides ~/.config/glovebox/config.toml).")
  var theme: String?

  @Option(help: "Colour depth: 8, 16, 256 or truecolor (default: detected; also GLOVEBOX_COLORS).")
  var colors: String?

  func validate() throws {
    if let colors, WorkbenchConfig.colorDepth(named: colors) == nil {
      throw ValidationError("--colors \(colors): expected 8, 16, 256 or truecolor")
    }
    let workspace = directory ?? FileManager.default.currentDirectoryPath
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: workspace, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("\(workspace): no such folder (give a workspace folder, or none for the current one)")
    }
  }

  func run() throws {
    let workspace = directory ?? FileManager.default.currentDirectoryPath
    let status = try WorkbenchLauncher.run(
      workspace: workspace, themeOption: theme, colorsOption: colors.flatMap(WorkbenchConfig.colorDepth(named:)))
    if status != 0 { throw ExitCode(status) }
  }
}
