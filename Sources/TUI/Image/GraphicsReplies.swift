/// The terminal's answers to the start-up graphics queries, parsed from the raw bytes read back:
///
///     ESC [ c                      DA1 → ESC [ ? 63 ; 1 ; 4 ; … c     (4: sixel graphics)
///     ESC [ ? 1 ; 1 ; 0 S          XTSMGRAPHICS colour registers → ESC [ ? 1 ; 0 ; N S
///     ESC [ ? 2 ; 1 ; 0 S          XTSMGRAPHICS sixel geometry → ESC [ ? 2 ; 0 ; W ; H S
///     ESC _ G i=31,s=1,v=1,a=q,t=d,f=24 ; AAAA ESC \
///                                  kitty graphics query → ESC _ G i=31 ; OK ESC \
///     ESC [ 16 t                   cell size in pixels → ESC [ 6 ; H ; W t
///
/// DA1 goes last: every terminal answers it, so its reply marks the end of the answers (a
/// terminal that ignores a query simply sends nothing for it). References: xterm's "Control
/// Sequences" (ctlseqs), kitty's graphics protocol ("Querying support").
public struct GraphicsReplies: Equatable, Sendable {
  public var deviceAttributes: [Int]?
  public var colorRegisters: Int?
  public var sixelMaxWidth: Int?
  public var sixelMaxHeight: Int?
  public var kittyAnswered = false
  public var cellWidth: Int?
  public var cellHeight: Int?

  public static let kittyQueryID = 31

  /// The queries, in the order they are sent (DA1 last).
  public static let query = "\u{1B}_Gi=\(kittyQueryID),s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\" + "\u{1B}[?1;1;0S" + "\u{1B}[?2;1;0S"
    + "\u{1B}[16t" + "\u{1B}[c"

  public init() {}

  /// Whether `bytes` hold the DA1 answer (the end of all answers).
  public static func isComplete(_ bytes: [UInt8]) -> Bool { GraphicsReplies(parsing: bytes).deviceAttributes != nil }

  public init(parsing bytes: [UInt8]) {
    var i = 0
    while i < bytes.count {
      guard bytes[i] == 0x1B, i + 1 < bytes.count else {
        i += 1
        continue
      }
      if bytes[i + 1] == UInt8(ascii: "[") {
        // CSI: parameters up to a final byte 0x40–0x7E.
        var j = i + 2
        while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
        guard j < bytes.count else { return }
        let body = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
        csi(body, final: bytes[j])
        i = j + 1
      } else if bytes[i + 1] == UInt8(ascii: "_") {
        // APC up to ESC \.
        var j = i + 2
        while j + 1 < bytes.count, !(bytes[j] == 0x1B && bytes[j + 1] == UInt8(ascii: "\\")) { j += 1 }
        guard j + 1 < bytes.count else { return }
        let body = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
        if body.hasPrefix("Gi=\(Self.kittyQueryID);") && body.hasSuffix(";OK") { kittyAnswered = true }
        i = j + 2
      } else {
        i += 1
      }
    }
  }

  private mutating func csi(_ body: String, final: UInt8) {
    let isPrivate = body.hasPrefix("?")
    let numbers = (isPrivate ? body.dropFirst() : Substring(body)).split(separator: ";", omittingEmptySubsequences: false)
      .map { Int($0) }
    guard numbers.allSatisfy({ $0 != nil }) else { return }
    let n = numbers.compactMap { $0 }
    switch (isPrivate, final) {
    case (true, UInt8(ascii: "c")): deviceAttributes = n
    case (true, UInt8(ascii: "S")):
      guard n.count >= 3, n[1] == 0 else { return }
      if n[0] == 1, n[2] > 0 { colorRegisters = n[2] }
      if n[0] == 2, n.count >= 4, n[2] > 0, n[3] > 0 {
        sixelMaxWidth = n[2]
        sixelMaxHeight = n[3]
      }
    case (false, UInt8(ascii: "t")):
      if n.count == 3, n[0] == 6, n[1] > 0, n[2] > 0 {
        cellHeight = n[1]
        cellWidth = n[2]
      }
    default: break
    }
  }

  /// What to draw with: the user's setting wins (`sixel`/`kitty` are trusted, `cells` is
  /// never overridden); `auto` takes kitty when the kitty query was answered, sixel when DA1
  /// lists 4, else cells. Images need the cell size in pixels (`windowPixels` from TIOCGWINSZ
  /// divided by the size in cells, else the CSI 16 t answer); without it there are no images.
  /// Returns the graphics (nil for cells) and why, for the status line.
  public func decide(setting: GraphicsSetting, cellSize: (width: Int, height: Int)?)
    -> (graphics: TerminalGraphics?, reason: String) {
    let chosen: TerminalGraphics.ImageProtocol?
    switch setting {
    case .cells: return (nil, "graphics = cells")
    case .sixel: chosen = .sixel
    case .kitty: chosen = .kitty
    case .auto:
      if kittyAnswered { chosen = .kitty }
      else if deviceAttributes?.contains(4) ?? false { chosen = .sixel }
      else { return (nil, deviceAttributes == nil ? "the terminal did not answer its graphics queries" : "the terminal shows no images") }
    }
    guard let chosen else { return (nil, "no image protocol") }
    let size = cellSize ?? cellWidth.flatMap { w in cellHeight.map { (w, $0) } }
    guard let size, size.width > 0, size.height > 0 else {
      return (nil, "\(chosen.rawValue): the terminal did not report its cell size in pixels")
    }
    let graphics = TerminalGraphics(imageProtocol: chosen, cellWidth: size.width, cellHeight: size.height,
                                    maxWidth: chosen == .sixel ? sixelMaxWidth : nil,
                                    maxHeight: chosen == .sixel ? sixelMaxHeight : nil,
                                    colorRegisters: chosen == .sixel ? (colorRegisters ?? 16) : 256)
    return (graphics, "\(chosen.rawValue) images, \(size.width)×\(size.height) px cells")
  }
}
