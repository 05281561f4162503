import XCTest
@testable import TUI

final class ImageEncoderTests: XCTestCase {
  let esc = "\u{1B}"

  func testSixelTwoColoursInOneBand() throws {
    // 2 × 6: rows 0–2 red, rows 3–5 blue. Red sets bits 0,1,2 of each column: 0x3F + 7 = 'F';
    // blue bits 3,4,5: 0x3F + 56 = 'w'. Registers in order of appearance, RGB in percent.
    var pixels: [UInt8] = []
    for row in 0..<6 { for _ in 0..<2 { pixels += row < 3 ? [255, 0, 0] : [0, 0, 255] } }
    let image = try XCTUnwrap(RGBImage(width: 2, height: 6, pixels: pixels))
    XCTAssertEqual(SixelEncoder.encode(image), esc + "P0;1;0q\"1;1;2;6#0;2;100;0;0#1;2;0;0;100#0FF$#1ww" + esc + "\\")
  }

  func testSixelRunsTrailingColumnsAndASecondBand() throws {
    // 8 × 7, white except column 7 of rows 0–5 (black). Band 1 (rows 0–5): white '~' (all six
    // bits) in columns 0–6 = "!7~", its empty column 7 left out; black "!7?~". Band 2 (row 6):
    // white bit 0 = '@' in all 8 columns = "!8@".
    var image = try XCTUnwrap(RGBImage(width: 8, height: 7, filledWith: (255, 255, 255)))
    for y in 0..<6 { image.setPixel(x: 7, y: y, (0, 0, 0)) }
    XCTAssertEqual(SixelEncoder.encode(image),
                   esc + "P0;1;0q\"1;1;8;7#0;2;100;100;100#1;2;0;0;0#0!7~$#1!7?~-#0!8@" + esc + "\\")
  }

  func testSixelReducesToAColourCube() throws {
    // 9 greys 0, 30, …, 240 with 8 registers: a 2-level cube, each channel to 0 or 255
    // (nearest): 0…120 → black, 150…240 → white. Row of 9 pixels: bit 0 = '@'.
    let pixels = (0..<9).flatMap { i -> [UInt8] in let v = UInt8(30 * i); return [v, v, v] }
    let image = try XCTUnwrap(RGBImage(width: 9, height: 1, pixels: pixels))
    XCTAssertEqual(SixelEncoder.encode(image, maxColors: 8),
                   esc + "P0;1;0q\"1;1;9;1#0;2;0;0;0#1;2;100;100;100#0!5@$#1!5?!4@" + esc + "\\")
    // 128 → 50 %: (128·100 + 127) / 255 = 50.69 → 50.
    XCTAssertEqual(SixelEncoder.percent(128), 50)
  }

  func testKittySingleChunk() throws {
    // 1 × 2 pixels red, green: bytes FF 00 00 00 FF 00. Base64 by hand: 111111|110000|000000|000000
    // = "/wAA", 000000|001111|111100|000000 = "AP8A".
    let image = try XCTUnwrap(RGBImage(width: 1, height: 2, pixels: [255, 0, 0, 0, 255, 0]))
    XCTAssertEqual(KittyGraphicsEncoder.encode(image), esc + "_Ga=T,f=24,s=1,v=2,q=2;/wAAAP8A" + esc + "\\")
    XCTAssertEqual(KittyGraphicsEncoder.encode(image, id: 7, cells: (columns: 10, rows: 5)),
                   esc + "_Ga=T,f=24,s=1,v=2,i=7,c=10,r=5,q=2;/wAAAP8A" + esc + "\\")
    XCTAssertEqual(KittyGraphicsEncoder.delete(id: 7), esc + "_Ga=d,d=I,i=7,q=2" + esc + "\\")
  }

  func testKittyChunksAt4096Bytes() throws {
    // Black pixels: every 3 zero bytes are "AAAA". 1025 pixels = 3075 bytes = 4100 characters:
    // a chunk of 4096 (keys and m=1) and one of 4 (m=0). 2049 pixels = 8196 characters: 4096,
    // 4096 (m=1, no keys) and 4 (m=0).
    let two = try XCTUnwrap(RGBImage(width: 1025, height: 1, filledWith: (0, 0, 0)))
    XCTAssertEqual(KittyGraphicsEncoder.encode(two),
                   esc + "_Ga=T,f=24,s=1025,v=1,q=2,m=1;" + String(repeating: "A", count: 4096) + esc + "\\"
                   + esc + "_Gm=0;AAAA" + esc + "\\")
    let three = try XCTUnwrap(RGBImage(width: 2049, height: 1, filledWith: (0, 0, 0)))
    let full = String(repeating: "A", count: 4096)
    XCTAssertEqual(KittyGraphicsEncoder.encode(three),
                   esc + "_Ga=T,f=24,s=2049,v=1,q=2,m=1;" + full + esc + "\\" + esc + "_Gm=1;" + full + esc + "\\"
                   + esc + "_Gm=0;AAAA" + esc + "\\")
  }

  func testImageRejectsAWrongPixelCount() {
    XCTAssertNil(RGBImage(width: 2, height: 2, pixels: [0, 0, 0]))
    XCTAssertNil(RGBImage(width: 0, height: 2, pixels: []))
  }
}
