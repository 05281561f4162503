import Engine
import TUI
import XCTest

@testable import Workbench

/// The Simulation pane with a terminal that shows images, and its visibility signal.
extension SimulationPaneTests {
  var sixel: TerminalGraphics { TerminalGraphics(imageProtocol: .sixel, cellWidth: 10, cellHeight: 20, colorRegisters: 16) }

  func attachedPane() throws -> SimulationPane {
    var pane = try listedPane()
    _ = pane.perform(.attach)
    let job = SimulationJob.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256)
    _ = pane.handle(.jobFinished(.simulation(job, .success(.snapshot(SimulationPaneTests.frame())))))
    return pane
  }

  func testWithImagesTheMapCellsAreBlankAndTheImageFillsThemAtTheDomainsAspect() throws {
    let pane = try attachedPane()
    let context = PaneRenderContext(theme: .dark, graphSymbols: .braille, graphics: sixel)
    var buffer = Buffer(width: 120, height: 38)
    pane.render(into: &buffer, area: buffer.area, context: context)
    let text = buffer.lines.joined(separator: "\n")
    XCTAssertFalse(text.contains("▀ ") && text.contains("▀▀▀▀"), "no half-block map under the image")
    XCTAssertTrue(text.contains("ξ · step 200"), text)
    let images = pane.images(area: buffer.area, context: context)
    let placement = try XCTUnwrap(images.first)
    XCTAssertEqual(images.count, 1)
    // The 4 µm × 2 µm domain (4 × 2 points at 1 µm) is twice as wide as tall, in pixels.
    XCTAssertEqual(Double(placement.image.width) / Double(placement.image.height), 2, accuracy: 0.05)
    XCTAssertLessThanOrEqual(placement.image.width, placement.area.width * 10)
    XCTAssertLessThanOrEqual(placement.image.height, placement.area.height * 20)
    // The image's cells are blank in the buffer.
    for y in placement.area.y..<placement.area.bottom {
      for x in placement.area.x..<placement.area.right { XCTAssertEqual(buffer.cell(x: x, y: y)?.symbol, " ", "(\(x), \(y))") }
    }
    // A VT340's 16 registers: the map keeps to 14 levels, plus background and interface line.
    var colours = Set<[UInt8]>()
    for i in stride(from: 0, to: placement.image.pixels.count, by: 3) { colours.insert(Array(placement.image.pixels[i..<(i + 3)])) }
    XCTAssertLessThanOrEqual(colours.count, 16)
    // Cells only: no image, the half-block map.
    XCTAssertEqual(pane.images(area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille)), [])
  }

  func testTheShellShowsNoImageUnderTheHelpOrThePrompt() throws {
    var state = AppState(panes: [try attachedPane()], workspace: "/tmp/ws", size: (120, 40))
    XCTAssertEqual(AppView.images(state), [], "no graphics: no images")
    state.graphics = sixel
    XCTAssertEqual(AppView.images(state).count, 1)
    state.helpVisible = true
    XCTAssertEqual(AppView.images(state), [])
    state.helpVisible = false
    state.commandLine = TextInput(prompt: ":")
    XCTAssertEqual(AppView.images(state), [])
  }

  func testAHiddenPaneStopsTickingAndCatchesUpWhenShown() throws {
    var pane = try listedPane()
    XCTAssertTrue(pane.wantsTicks)
    XCTAssertEqual(pane.visibilityChanged(false), [])
    XCTAssertFalse(pane.wantsTicks)
    XCTAssertEqual(pane.visibilityChanged(true), [Effect.startJob(.simulation(.list(paths: Self.paths)))])
    XCTAssertTrue(pane.wantsTicks)
  }

  func testSwitchingPanesTellsBothAboutVisibility() throws {
    var state = AppState(panes: [try listedPane(), CounterPane()], workspace: "/tmp/ws")
    XCTAssertTrue(state.wantsTicks)
    _ = reduce(state: &state, action: .keyPressed(.character("2")))
    XCTAssertEqual(state.focusedPane, 1)
    XCTAssertFalse(state.wantsTicks, "the hidden Simulation pane no longer asks for ticks")
    _ = reduce(state: &state, action: .keyPressed(.character("1")))
    XCTAssertTrue(state.wantsTicks)
  }

  func testConfigGraphicsSetting() {
    XCTAssertEqual(WorkbenchConfig.parse("graphics = \"sixel\"", fileName: "c").0.graphics, .sixel)
    XCTAssertEqual(WorkbenchConfig.parse("graphics = \"none\"", fileName: "c").0.graphics, .cells)
    XCTAssertNil(WorkbenchConfig.parse("theme = \"dark\"", fileName: "c").0.graphics)
    let (config, errors) = WorkbenchConfig.parse("theme = \"dark\"\ngraphics = \"iterm\"", fileName: "config.toml")
    XCTAssertNil(config.graphics)
    XCTAssertEqual(errors.first?.line, 2)
    XCTAssertTrue(errors.first?.message.contains("\"auto\", \"sixel\", \"kitty\" or \"cells\"") ?? false, "\(errors)")
    XCTAssertEqual(WorkbenchConfig.parse("graphics = 1", fileName: "c").1.count, 1)
  }
}
