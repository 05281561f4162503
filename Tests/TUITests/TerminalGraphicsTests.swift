import XCTest

@testable import TUI

final class TerminalGraphicsTests: XCTestCase {
  private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  /// xterm -ti vt340's answers (DA1 lists 4 = sixel), as xterm's ctlseqs gives their forms.
  let xtermVT340 = "\u{1B}[?1;0;256S\u{1B}[?2;0;1000;1000S\u{1B}[6;20;10t\u{1B}[?63;1;2;4;6;9;15;16;22;28c"

  func testRepliesOfASixelTerminal() {
    let replies = GraphicsReplies(parsing: bytes(xtermVT340))
    XCTAssertEqual(replies.deviceAttributes, [63, 1, 2, 4, 6, 9, 15, 16, 22, 28])
    XCTAssertEqual(replies.colorRegisters, 256)
    XCTAssertEqual(replies.sixelMaxWidth, 1000)
    XCTAssertEqual(replies.sixelMaxHeight, 1000)
    XCTAssertEqual(replies.cellWidth, 10)
    XCTAssertEqual(replies.cellHeight, 20)
    XCTAssertFalse(replies.kittyAnswered)
    XCTAssertTrue(GraphicsReplies.isComplete(bytes(xtermVT340)))
    XCTAssertFalse(GraphicsReplies.isComplete(bytes("\u{1B}[?1;0;256S")), "no DA1 yet")
    let decided = TerminalGraphicsSupport.decide(setting: .auto, replies: replies, environment: ["TERM": "xterm"], cellSize: nil)
    XCTAssertEqual(decided.graphics, TerminalGraphics(imageProtocol: .sixel, cellWidth: 10, cellHeight: 20, maxWidth: 1000,
                                                      maxHeight: 1000, colorRegisters: 256))
    // A 120-column area of 10-pixel cells is held to the 1000-pixel limit.
    XCTAssertEqual(decided.graphics?.pixels(columns: 120, rows: 10).width, 1000)
    XCTAssertEqual(decided.graphics?.pixels(columns: 120, rows: 10).height, 200)
  }

  func testKittyAnswerAndHints() {
    let kitty = GraphicsReplies(parsing: bytes("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;22c"))
    XCTAssertTrue(kitty.kittyAnswered)
    XCTAssertEqual(TerminalGraphicsSupport.decide(setting: .auto, replies: kitty, environment: [:], cellSize: (9, 18))
      .graphics?.imageProtocol, .kitty)
    // An error answer (ENOTSUPPORTED…) is no support.
    XCTAssertFalse(GraphicsReplies(parsing: bytes("\u{1B}_Gi=31;ENOTSUPPORTED:x\u{1B}\\")).kittyAnswered)
    let silent = GraphicsReplies(parsing: bytes("\u{1B}[?62;22c"))
    XCTAssertNil(TerminalGraphicsSupport.decide(setting: .auto, replies: silent, environment: [:], cellSize: (9, 18)).graphics)
    XCTAssertEqual(TerminalGraphicsSupport.decide(setting: .auto, replies: silent, environment: ["TERM": "xterm-kitty"],
                                                  cellSize: (9, 18)).graphics?.imageProtocol, .kitty)
  }

  func testSettingAndTmuxAndMissingCellSize() {
    let replies = GraphicsReplies(parsing: bytes(xtermVT340))
    XCTAssertNil(TerminalGraphicsSupport.decide(setting: .auto, replies: replies, environment: ["TMUX": "/tmp/t,1,0"], cellSize: nil).graphics)
    XCTAssertNil(TerminalGraphicsSupport.decide(setting: .cells, replies: replies, environment: [:], cellSize: nil).graphics)
    // The user's sixel is taken even inside tmux; a sixel terminal that reported no registers
    // gets a VT340's 16.
    let forced = TerminalGraphicsSupport.decide(setting: .sixel, replies: GraphicsReplies(), environment: ["TMUX": "x"],
                                                cellSize: (8, 16))
    XCTAssertEqual(forced.graphics?.colorRegisters, 16)
    let noSize = TerminalGraphicsSupport.decide(setting: .kitty, replies: GraphicsReplies(), environment: [:], cellSize: nil)
    XCTAssertNil(noSize.graphics)
    XCTAssertTrue(noSize.reason.contains("cell size"), noSize.reason)
    XCTAssertEqual(GraphicsSetting(name: "None"), .cells)
    XCTAssertNil(GraphicsSetting(name: "iterm"))
  }

  func testGarbledRepliesAreIgnored() {
    let replies = GraphicsReplies(parsing: bytes("\u{1B}[?1;x;5S\u{1B}[6;0;10t\u{1B}[?2;3;10;10S\u{1B}[?6"))
    XCTAssertNil(replies.colorRegisters)
    XCTAssertNil(replies.cellWidth)
    XCTAssertNil(replies.sixelMaxWidth, "status 3 is a failure")
    XCTAssertNil(replies.deviceAttributes, "cut short")
  }

  func testImageLayerSendsNothingWhileUnchangedAndClearsWhatItDrew() throws {
    let graphics = TerminalGraphics(imageProtocol: .sixel, cellWidth: 10, cellHeight: 20)
    let red = try XCTUnwrap(RGBImage(width: 2, height: 1, filledWith: (255, 0, 0)))
    let blue = try XCTUnwrap(RGBImage(width: 2, height: 1, filledWith: (0, 0, 255)))
    let area = Rect(x: 5, y: 3, width: 4, height: 2)
    var layer = ImageLayer()
    XCTAssertEqual(layer.update([ImagePlacement(area: area, image: red)], graphics: graphics),
                   [.write(SixelEncoder.encode(red, maxColors: 256), x: 5, y: 3)])
    XCTAssertEqual(layer.update([ImagePlacement(area: area, image: red)], graphics: graphics), [], "0 bytes while unchanged")
    // Same place and size: painted over, no clearing.
    XCTAssertEqual(layer.update([ImagePlacement(area: area, image: blue)], graphics: graphics),
                   [.write(SixelEncoder.encode(blue, maxColors: 256), x: 5, y: 3)])
    // Gone (an overlay opened): its rows are redrawn from the cells.
    XCTAssertEqual(layer.update([], graphics: graphics), [.redrawRows(3..<5)])
    XCTAssertEqual(layer.update([], graphics: graphics), [])
    // After a reset (Ctrl-L, resize) the image is drawn again.
    _ = layer.update([ImagePlacement(area: area, image: red)], graphics: graphics)
    layer.reset()
    XCTAssertEqual(layer.update([ImagePlacement(area: area, image: red)], graphics: graphics).count, 1)
  }

  func testKittyImagesAreDeletedByID() throws {
    let graphics = TerminalGraphics(imageProtocol: .kitty, cellWidth: 10, cellHeight: 20)
    let red = try XCTUnwrap(RGBImage(width: 1, height: 1, filledWith: (255, 0, 0)))
    var layer = ImageLayer()
    let area = Rect(x: 0, y: 1, width: 1, height: 1)
    XCTAssertEqual(layer.update([ImagePlacement(area: area, image: red)], graphics: graphics),
                   [.write("\u{1B}_Ga=T,f=24,s=1,v=1,i=1,q=2;/wAA\u{1B}\\", x: 0, y: 1)])
    XCTAssertEqual(layer.update([], graphics: graphics), [.write("\u{1B}_Ga=d,d=I,i=1,q=2\u{1B}\\", x: 0, y: 0)])
  }
}
