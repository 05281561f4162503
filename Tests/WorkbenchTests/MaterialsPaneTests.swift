import Foundation
import Lab
import TUI
import XCTest

@testable import Workbench

/// Shared by the Materials and Assembly pane tests: the Examples workspace and a renderer.
enum PaneTestSupport {
  static var examples: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples").path
  }

  /// The `*.toml` files of a folder of Examples/, sorted by base name as the runtime lists them.
  static func tomlFiles(_ folder: String) -> [SourceFile] {
    let directory = examples + "/" + folder
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0.hasSuffix(".toml") }
      .sorted { SourceFile.baseName(of: $0) < SourceFile.baseName(of: $1) }
    return names.compactMap { name in
      (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)).map { SourceFile(path: directory + "/" + name, text: $0) }
    }
  }

  /// The Examples workspace as the runtime's `LabJob.loadWorkspace` hands it over.
  static func lab() -> LabWorkspace {
    let materials = (try? String(contentsOfFile: examples + "/materials.toml", encoding: .utf8))
      .map { SourceFile(path: examples + "/materials.toml", text: $0) }
    return LabWorkspace.parse(directory: examples, recipes: tomlFiles("recipes"), protocols: tomlFiles("protocols"), materials: materials)
  }

  static func render(_ pane: any Pane, width: Int, height: Int, symbols: GraphSymbols = .braille) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: symbols))
    return buffer
  }

  static func type(_ text: String, into pane: inout some Pane) {
    for character in text { _ = pane.handle(.key(.character(character))) }
  }

  /// The first row containing every fragment.
  static func row(_ buffer: Buffer, containing fragments: String...) -> String? {
    buffer.lines.first { line in fragments.allSatisfy { line.contains($0) } }
  }
}

final class MaterialsPaneTests: XCTestCase {
  func pane(at name: String) throws -> MaterialsPane {
    var pane = MaterialsPane(lab: PaneTestSupport.lab())
    XCTAssertTrue(pane.lab.errors.isEmpty, "\(pane.lab.errors)")
    let index = try XCTUnwrap(pane.recipes.firstIndex { $0.name == name })
    for _ in 0..<index { _ = pane.perform(.down) }
    XCTAssertEqual(pane.selectedRecipe?.name, name)
    return pane
  }

  /// 5 Li2S + P2S5 + 2 LiCl → 2 Li6PS5Cl, 99.9 % reagents, 2 g of product, by hand with the
  /// standard atomic weights Li 6.94, P 30.973762, S 32.06, Cl 35.45:
  /// M(Li6PS5Cl) = 268.3638 g/mol → n = 7.45257 mmol; Li2S 5/2 n × 45.94 / 0.999 = 0.8568 g,
  /// P2S5 1/2 n × 222.2475 / 0.999 = 0.8290 g, LiCl n × 42.39 / 0.999 = 0.3162 g.
  func testLPSCAt2gShowsTheHandStoichiometryWeighMasses() throws {
    let pane = try pane(at: "LPSC")
    let (li, p, s, cl) = (6.94, 30.973762, 32.06, 35.45)
    let moles = 2 / (6 * li + p + 5 * s + cl)
    let expected = [
      ("Li2S", 2.5 * moles * (2 * li + s) / 0.999), ("P2S5", 0.5 * moles * (2 * p + 5 * s) / 0.999),
      ("LiCl", moles * (li + cl) / 0.999),
    ]
    XCTAssertEqual(expected.map { String(format: "%.4f", $0.1) }, ["0.8568", "0.8290", "0.3162"])
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    for (formula, grams) in expected {
      let row = try XCTUnwrap(PaneTestSupport.row(screen, containing: formula, "99.9"), "no row for \(formula)")
      XCTAssertTrue(row.contains(String(format: "%.4f", grams)), row)
    }
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Weigh (g)", "Pure (g)"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Batch:", "2.000 g Li6PS5Cl (7.453 mmol)"))
  }

  func testTheTableFollowsTheMassAsItIsTypedAndRejectsWhatIsNotAMass() throws {
    var pane = try pane(at: "LPSC")
    XCTAssertEqual(pane.perform(.editMass), [.render])
    XCTAssertTrue(pane.capturesInput)
    _ = pane.handle(.key(.ctrl("u")))
    PaneTestSupport.type("500 mg", into: &pane)
    XCTAssertEqual(try XCTUnwrap(pane.previewGrams), 0.5, accuracy: 1e-12)
    XCTAssertEqual(pane.batchGrams, 2)
    // A quarter of the 2 g batch: 0.8568 g / 4 = 0.2142 g of Li2S.
    var screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertTrue(try XCTUnwrap(PaneTestSupport.row(screen, containing: "Li2S", "99.9")).contains("0.2142"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Batch mass: 500 mg", "Enter sets · Esc cancels"))

    PaneTestSupport.type("x", into: &pane)
    XCTAssertEqual(pane.massError, "unknown mass unit \"mgx\" (expected g, mg or kg)")
    screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "✗ unknown mass unit \"mgx\""))
    // The table keeps the last mass that read as one.
    XCTAssertTrue(try XCTUnwrap(PaneTestSupport.row(screen, containing: "Li2S", "99.9")).contains("0.2142"))
    // Enter on a bad mass is refused with the reason; the field stays open.
    XCTAssertEqual(pane.handle(.key(.enter)), [.status(.error("batch mass: unknown mass unit \"mgx\" (expected g, mg or kg)"))])
    XCTAssertTrue(pane.capturesInput)

    _ = pane.handle(.key(.backspace))
    XCTAssertNil(pane.massError)
    XCTAssertEqual(pane.handle(.key(.enter)), [.status(StatusMessage("batch mass 500.0 mg"))])
    XCTAssertFalse(pane.capturesInput)
    XCTAssertEqual(pane.batchGrams, 0.5, accuracy: 1e-12)

    // Esc abandons an edit: the committed mass stays.
    _ = pane.perform(.editMass)
    _ = pane.handle(.key(.ctrl("u")))
    PaneTestSupport.type("-3 g", into: &pane)
    XCTAssertEqual(pane.massError, "a batch mass must be positive, found -3 g")
    XCTAssertEqual(pane.handle(.key(.escape)), [.render])
    XCTAssertNil(pane.massField)
    XCTAssertEqual(pane.shownGrams, 0.5, accuracy: 1e-12)
  }

  func testMovementOpenBackAndScrollBindings() throws {
    var pane = MaterialsPane(lab: PaneTestSupport.lab())
    let count = pane.recipes.count
    // Syntheses first, then the composites made from them.
    XCTAssertEqual(pane.recipes.map(\.name), ["LATP", "LPSC", "4S-6O", "5S-5O", "6S-4O", "7S-3O", "8S-2O", "9S-1O", "LCO-composite"])
    XCTAssertEqual(pane.perform(.up), [], "already at the top")
    XCTAssertEqual(pane.perform(.down), [.render])
    XCTAssertEqual(pane.cursor, 1)
    for _ in 0..<count { _ = pane.perform(.down) }
    XCTAssertEqual(pane.cursor, count - 1, "stops at the last recipe")
    XCTAssertEqual(pane.perform(.up), [.render])
    XCTAssertEqual(pane.cursor, count - 2)

    XCTAssertEqual(pane.perform(.back), [], "Esc in the list does nothing")
    XCTAssertEqual(pane.perform(.open), [.render])
    XCTAssertEqual(pane.focus, .sheet)
    XCTAssertEqual(pane.perform(.down), [.render])
    XCTAssertEqual(pane.sheetScroll, 1, "j scrolls the sheet when it has the focus")
    XCTAssertEqual(pane.cursor, count - 2)
    _ = pane.perform(.pageDown)
    XCTAssertEqual(pane.sheetScroll, 11)
    _ = pane.perform(.pageUp)
    _ = pane.perform(.pageUp)
    XCTAssertEqual(pane.sheetScroll, 0)
    XCTAssertEqual(pane.perform(.back), [.render])
    XCTAssertEqual(pane.focus, .list)
  }

  func testKeysReachThePaneThroughTheBindingTable() throws {
    var state = AppState(panes: [MaterialsPane(lab: PaneTestSupport.lab())], workspace: "Examples")
    for (key, action) in [(Key.character("j"), "down"), (.down, "down"), (.character("k"), "up"), (.up, "up"),
      (.enter, "open"), (.escape, "back"), (.character("e"), "edit-mass"), (.character("m"), "edit-mass"),
      (.pageDown, "page-down"), (.pageUp, "page-up")]
    {
      XCTAssertEqual(state.focusedBindings.action(for: key), action, "\(key)")
    }
    _ = reduce(state: &state, action: .keyPressed(.character("j")))
    XCTAssertEqual((state.panes[0] as? MaterialsPane)?.cursor, 1)
    // While the mass is edited, "1" and "q" are text, not pane switch and quit.
    _ = reduce(state: &state, action: .keyPressed(.character("m")))
    XCTAssertEqual(reduce(state: &state, action: .keyPressed(.character("q"))), [.render])
    _ = reduce(state: &state, action: .keyPressed(.character("1")))
    XCTAssertEqual((state.panes[0] as? MaterialsPane)?.massField?.text, "2 gq1")
    let help = AppView.helpOverlay(state).sections.first
    XCTAssertEqual(help?.title, "Materials")
    XCTAssertTrue(help?.hints.contains(KeyHint(key: "e/m", description: "batch mass")) ?? false)
  }

  func testHeatProfileIsABraillePlotInTheContextsSymbols() throws {
    let pane = try pane(at: "LPSC")
    let braille = PaneTestSupport.render(pane, width: 120, height: 40)
    let dots = braille.lines.joined().unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
    XCTAssertGreaterThan(dots.count, 20, "the 550 °C anneal is drawn in braille")
    XCTAssertNotNil(PaneTestSupport.row(braille, containing: "Heat treatment (°C vs h)"))
    // The pane opens on the first synthesis (LATP, calcined), so the plot is there from the start.
    let opening = PaneTestSupport.render(MaterialsPane(lab: PaneTestSupport.lab()), width: 120, height: 40)
    XCTAssertGreaterThan(opening.lines.joined().unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count, 20)
    let ascii = PaneTestSupport.render(pane, width: 120, height: 40, symbols: .ascii)
    XCTAssertFalse(ascii.lines.joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
  }

  func testVerdictsAreColouredByLevel() throws {
    let pane = try pane(at: "LPSC")
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    let y = try XCTUnwrap(screen.lines.firstIndex { $0.contains("✓ Charge balance:") })
    let x = try XCTUnwrap(screen.lines[y].firstIndex(of: "✓")).utf16Offset(in: screen.lines[y])
    XCTAssertEqual(screen.cell(x: x, y: y)?.style.foreground, Theme.dark.ok)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "✓ Stoichiometry:"))
  }

  /// 8S-2O is LPSC : LATP 8 : 2 by mass, so a 2 g batch needs 1.6 g LPSC and 0.4 g LATP.
  func testCompositeShowsItsSubBatches() throws {
    let pane = try pane(at: "8S-2O")
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "Sub-batches"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "LPSC: make 1.600 g"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "LATP: make 400.0 mg"))
    // Milling only: no flat plot at room temperature, a sentence instead.
    XCTAssertNil(PaneTestSupport.row(screen, containing: "Heat treatment"))
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "No heat treatment: room temperature throughout."))
  }

  func testChangedRecipeFilesAreReloadedThroughEffects() throws {
    var pane = try pane(at: "LPSC")
    XCTAssertEqual(pane.handle(.fileChanged(path: "recipes/LPSC.toml")), [.loadFile(path: "recipes/LPSC.toml", pane: "materials")])
    XCTAssertEqual(pane.handle(.fileChanged(path: "data/eis.csv")), [])
    let broken = "name = \"LPSC\"\nproduct = \"Li6PS5Cl\"\nstoichiometry = \"ratio\"\n[[precursors]\nformula = \"Li2S\"\n"
    let effects = pane.handle(.fileLoaded(path: "recipes/LPSC.toml", result: .success(broken)))
    guard case .status(let message)? = effects.first else { return XCTFail("\(effects)") }
    XCTAssertEqual(message.kind, .error)
    XCTAssertTrue(message.text.hasPrefix("recipes/LPSC.toml:4"), message.text)
    XCTAssertFalse(pane.recipes.contains { $0.name == "LPSC" })
    let screen = PaneTestSupport.render(pane, width: 120, height: 40)
    XCTAssertNotNil(PaneTestSupport.row(screen, containing: "✗ LPSC"))
    // The fixed file comes back in its place; a deleted one disappears.
    let text = try String(contentsOfFile: PaneTestSupport.examples + "/recipes/LPSC.toml", encoding: .utf8)
    XCTAssertEqual(pane.handle(.fileLoaded(path: "recipes/LPSC.toml", result: .success(text))), [.status(StatusMessage("reloaded recipes/LPSC.toml"))])
    XCTAssertEqual(pane.recipes.map(\.name).prefix(2), ["LATP", "LPSC"])
    XCTAssertTrue(pane.lab.errors.isEmpty)
    _ = pane.handle(.fileLoaded(path: "recipes/LATP.toml", result: .failure(EffectFailure("gone"))))
    XCTAssertFalse(pane.recipes.contains { $0.name == "LATP" })
  }

  func testRenderingNeverTrapsAtAnySize() throws {
    var panes: [MaterialsPane] = [MaterialsPane(lab: PaneTestSupport.lab())]
    var editing = try pane(at: "LPSC")
    _ = editing.perform(.editMass)
    PaneTestSupport.type("zz", into: &editing)
    panes.append(editing)
    var sheet = try pane(at: "9S-1O")
    _ = sheet.perform(.open)
    panes.append(sheet)
    panes.append(MaterialsPane(workspace: "/nonexistent/glovebox"))
    for pane in panes {
      for (width, height) in [(120, 40), (80, 24), (40, 12), (20, 6), (1, 1), (0, 0), (200, 3), (3, 60)] {
        let buffer = PaneTestSupport.render(pane, width: width, height: height)
        XCTAssertEqual(buffer.lines.count, height)
      }
    }
    // 80×24 still shows the weigh-out table beside the list.
    let screen = PaneTestSupport.render(try pane(at: "LPSC"), width: 80, height: 22)
    XCTAssertTrue(try XCTUnwrap(PaneTestSupport.row(screen, containing: "Li2S")).contains("0.8568"))
  }
}
