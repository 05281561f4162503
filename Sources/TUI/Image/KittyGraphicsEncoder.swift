import Foundation

/// Encodes an RGB image for the kitty graphics protocol (kitty, Ghostty, WezTerm): one
/// "transmit and display" command with the raw pixels (f=24: 3 bytes per pixel, rows top to
/// bottom) in base64, as APC escape sequences:
///
///     ESC _G a=T,f=24,s=W,v=H[,i=ID][,c=COLS,r=ROWS],q=2[,m=1] ; <base64> ESC \
///     ESC _G m=1 ; <base64> ESC \          (middle chunks)
///     ESC _G m=0 ; <base64> ESC \          (last chunk)
///
/// The base64 text of the whole image is cut into chunks of 4096 bytes (a multiple of 4, so
/// every chunk but the last is padding-free); only the first chunk carries the keys, the others
/// only `m` (1: more follows, 0: last). A single chunk has no `m`. `q=2` asks the terminal not
/// to answer (an answer would arrive on standard input as keystrokes). `c`/`r` scale the image
/// to a number of cells; `i` names it so it can be deleted (`delete(id:)`).
public enum KittyGraphicsEncoder {
  public static let chunkSize = 4096

  public static func encode(_ image: RGBImage, id: UInt32? = nil, cells: (columns: Int, rows: Int)? = nil) -> String {
    let payload = Data(image.pixels).base64EncodedString()
    var keys = "a=T,f=24,s=\(image.width),v=\(image.height)"
    if let id { keys += ",i=\(id)" }
    if let cells, cells.columns > 0, cells.rows > 0 { keys += ",c=\(cells.columns),r=\(cells.rows)" }
    keys += ",q=2"
    let utf8 = Array(payload.utf8)
    guard utf8.count > chunkSize else { return "\u{1B}_G\(keys);\(payload)\u{1B}\\" }
    var out = ""
    var start = 0
    while start < utf8.count {
      let end = Swift.min(utf8.count, start + chunkSize)
      let chunk = String(decoding: utf8[start..<end], as: UTF8.self)
      let more = end < utf8.count ? 1 : 0
      out += start == 0 ? "\u{1B}_G\(keys),m=1;\(chunk)\u{1B}\\" : "\u{1B}_Gm=\(more);\(chunk)\u{1B}\\"
      start = end
    }
    return out
  }

  /// Deletes image `id` and frees its data (`a=d,d=I`), e.g. when the pane, the snapshot or the
  /// terminal size changes or an overlay opens.
  public static func delete(id: UInt32) -> String { "\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\" }
}
