import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// Start-up reads ~/.config/glovebox (here a temporary XDG_CONFIG_HOME): bad entries become
/// status-line errors with file and line, never a crash; command-line options win.
final class WorkbenchStartupTests: XCTestCase {
  var home: URL!

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home.appendingPathComponent("glovebox"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(at: home)
  }

  func write(_ name: String, _ text: String) throws {
    try text.write(to: home.appendingPathComponent("glovebox/\(name)"), atomically: true, encoding: .utf8)
  }

  func prepare(theme: String? = nil, colors: ColorDepth? = nil, env: [String: String] = [:]) -> WorkbenchStartup {
    WorkbenchStartup.prepare(
      workspace: "Examples", themeOption: theme, colorsOption: colors,
      environment: env.merging(["XDG_CONFIG_HOME": home.path]) { a, _ in a }, panes: [])
  }

  func testNoFilesMeansDefaults() {
    let startup = prepare()
    XCTAssertEqual(startup.state.theme, .dark)
    XCTAssertNil(startup.requestedDepth)
    XCTAssertNil(startup.state.status)
  }

  func testConfigAndKeymapApply() throws {
    try write("config.toml", "colors = 16\ngraph_symbols = \"ascii\"\n")
    try write("keys.toml", "[global]\nquit = \"ctrl-q\"\n")
    let startup = prepare()
    XCTAssertEqual(startup.requestedDepth, .sixteen)
    XCTAssertEqual(startup.state.graphSymbols, .ascii)
    XCTAssertEqual(startup.state.globalBindings.action(for: .ctrl("q")), "quit")
    XCTAssertNil(startup.state.globalBindings.action(for: .character("q")))
    // Command line and environment beat the file.
    XCTAssertEqual(prepare(colors: .eight).requestedDepth, .eight)
    XCTAssertEqual(prepare(env: ["GLOVEBOX_COLORS": "truecolor"]).requestedDepth, .trueColor)
  }

  func testMalformedFilesGiveStatusErrorsWithFileAndLine() throws {
    try write("config.toml", "theme = \"dark\"\ngraph_symbols = \"dots\"\n")
    try write("keys.toml", "[global]\nquit = \"hyper-q\"\n")
    var state = prepare().state
    let configPath = home.appendingPathComponent("glovebox/config.toml").path
    let keysPath = home.appendingPathComponent("glovebox/keys.toml").path
    XCTAssertEqual(state.status?.kind, .error)
    XCTAssertTrue(state.status?.text.hasPrefix("\(configPath):2: 'graph_symbols'") ?? false, state.status?.text ?? "")
    _ = reduce(state: &state, action: .keyPressed(.character("x")))
    XCTAssertTrue(state.status?.text.hasPrefix("\(keysPath):2: 'global.quit': unknown key name") ?? false, state.status?.text ?? "")
    // The bad entry left the default binding in place.
    XCTAssertEqual(state.globalBindings.action(for: .character("q")), "quit")
  }

  func testUnknownThemeIsAnErrorAndTheDefaultStays() throws {
    try write("config.toml", "theme = \"solarized\"\n")
    let fromFile = prepare()
    XCTAssertEqual(fromFile.state.status?.kind, .error)
    XCTAssertTrue(fromFile.state.status?.text.hasPrefix("unknown theme 'solarized' (available: ") ?? false)
    XCTAssertEqual(fromFile.state.theme, .dark)
    XCTAssertEqual(prepare(theme: "dark").state.status, nil, "--theme overrides the file")
  }
}
