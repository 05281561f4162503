import CNcursesw
import Foundation
import TUI

/// A real terminal driven by ncursesw. Thin: it shows `Buffer`s by writing only the cells that
/// changed (`mvwadd_wch`, one `doupdate` per frame) and turns `wget_wch` results into
/// `InputEvent`s. It opens its screen with `newterm` on any output stream, so a file can stand in
/// for the terminal when measuring bytes per frame. All calls must come from one thread.
public final class NcursesTerminal: TerminalBackend {
  public struct Options: Sendable {
    /// Terminal type; nil uses $TERM.
    public var terminalType: String?
    /// Colour depth asked for (`--colors`, `GLOVEBOX_COLORS`); nil detects it.
    public var requestedDepth: ColorDepth?
    /// Forces the screen size (for a file as output, which has no window size).
    public var size: (width: Int, height: Int)?
    public var environment: [String: String]

    public init(
      terminalType: String? = nil, requestedDepth: ColorDepth? = nil, size: (width: Int, height: Int)? = nil,
      environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
      self.terminalType = terminalType
      self.requestedDepth = requestedDepth
      self.size = size
      self.environment = environment
    }
  }

  public enum OpenError: Error, CustomStringConvertible {
    case cannotOpen(terminalType: String)
    public var description: String {
      switch self {
      case .cannotOpen(let type): return "cannot open the terminal (terminal type \"\(type)\" unknown to terminfo?)"
      }
    }
  }

  public private(set) var colorDepth: ColorDepth
  /// The terminal type ncurses was opened with (may be a `-direct` variant for truecolour).
  public let terminalType: String
  let screen: OpaquePointer
  let window: UnsafeMutablePointer<WINDOW>
  /// The stream ncurses writes to; image escapes go there too, after ncurses has flushed.
  let output: UnsafeMutablePointer<FILE>
  var shown: Buffer?
  var pairs = ColorPairCache()
  private var currentTimeout: Int32 = -2
  private var isOpen = true

  /// Opens ncurses on `output`/`input` (stdout/stdin for the real terminal). Sets a UTF-8 locale
  /// first and the 25 ms escape delay, keypad, no echo, cbreak and a hidden cursor.
  public init(output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, options: Options = Options()) throws {
    ensureUTF8Locale()
    let baseType = options.terminalType ?? options.environment["TERM"] ?? "xterm-256color"
    let wanted = ColorDepthDetection.depth(
      terminfoColors: 0, colorterm: options.environment["COLORTERM"], requested: options.requestedDepth)
    var type = baseType
    if wanted == .trueColor, let direct = ColorDepthDetection.directColorTerminalType(for: baseType, environment: options.environment) {
      type = direct
    }
    guard let screen = newterm(type, output, input) ?? (type != baseType ? newterm(baseType, output, input) : nil) else {
      throw OpenError.cannotOpen(terminalType: type)
    }
    set_term(screen)
    self.screen = screen
    self.output = output
    guard let window = gb_stdscr() else { throw OpenError.cannotOpen(terminalType: type) }
    self.window = window
    self.terminalType = String(cString: termname())
    if has_colors() {
      start_color()
      use_default_colors()
    }
    let terminfoColors = Int(has_colors() ? gb_colors() : 0)
    let detected = ColorDepthDetection.depth(
      terminfoColors: terminfoColors, colorterm: options.environment["COLORTERM"], requested: options.requestedDepth)
    // ncurses can only show what the opened terminfo entry supports.
    let terminfoDepth = ColorDepthDetection.depth(terminfoColors: terminfoColors, colorterm: nil, requested: nil)
    self.colorDepth = min(detected, terminfoDepth)
    set_escdelay(25)
    cbreak()
    noecho()
    nonl()
    Self.disableFlowControl(input: input)
    keypad(window, true)
    curs_set(0)
    if let size = options.size {
      resizeterm(Int32(max(1, size.height)), Int32(max(1, size.width)))
      // resizeterm queues a KEY_RESIZE; the caller already knows the size it asked for.
      flushinp()
    }
    pairs.capacity = Int(gb_color_pairs())
  }

  deinit { shutdown() }

  /// Turns off XON/XOFF flow control (IXON, IXOFF) on the input terminal: with it on, Ctrl-S
  /// freezes the screen and Ctrl-Q never reaches the workbench, so a keymap binding Ctrl-Q
  /// (README's own example) left no way to quit. cbreak keeps ISIG, so Ctrl-C still signals.
  /// ncurses saved the user's settings at `newterm` (shell mode) and `endwin` restores them,
  /// flow control included; `def_prog_mode` records the changed settings as the program's
  /// mode, which ncurses re-applies after a suspend. No terminal (a file, a pipe): nothing to do.
  static func disableFlowControl(input: UnsafeMutablePointer<FILE>) {
    let descriptor = fileno(input)
    var settings = termios()
    guard isatty(descriptor) == 1, tcgetattr(descriptor, &settings) == 0 else { return }
    settings.c_iflag &= ~tcflag_t(IXON | IXOFF)
    guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else { return }
    def_prog_mode()
  }

  /// Restores the terminal (endwin) and frees the screen. Safe to call more than once.
  public func shutdown() {
    guard isOpen else { return }
    isOpen = false
    set_term(screen)
    endwin()
    delscreen(screen)
  }

  public var size: (width: Int, height: Int) {
    (Int(gb_getmaxx(window)), Int(gb_getmaxy(window)))
  }

  public func invalidate() {
    shown = nil
    clearok(window, true)
  }

  public func present(_ frame: Buffer) {
    guard isOpen else { return }
    let changes = shown.map { frame.diff(from: $0) } ?? frame.diff(from: Buffer(area: .zero))
    var cchar = cchar_t()
    var text: [wchar_t] = Array(repeating: 0, count: 6)
    for change in changes {
      let style = change.cell.style
      let pair = pairNumber(foreground: style.foreground, background: style.background)
      var count = 0
      for scalar in change.cell.symbol.unicodeScalars where count < 5 {
        text[count] = wchar_t(bitPattern: scalar.value)
        count += 1
      }
      text[count] = 0
      gb_setcchar_extended(&cchar, text, attributes(style.attributes), pair)
      // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
      mvwadd_wch(window, Int32(change.y), Int32(change.x), &cchar)
    }
    if !changes.isEmpty || shown == nil {
      wnoutrefresh(window)
      doupdate()
    }
    shown = frame
  }

  private func attributes(_ attributes: TextAttributes) -> attr_t {
    var result = gb_a_normal()
    if attributes.contains(.bold) { result |= gb_a_bold() }
    if attributes.contains(.dim) { result |= gb_a_dim() }
    if attributes.contains(.italic) { result |= gb_a_italic() }
    if attributes.contains(.underline) { result |= gb_a_underline() }
    if attributes.contains(.reverse) { result |= gb_a_reverse() }
    return result
  }

  public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
    guard isOpen else { return nil }
    let wanted = Int32(clamping: timeoutMilliseconds.map { max(0, $0) } ?? -1)
    if wanted != currentTimeout {
      wtimeout(window, wanted)
      currentTimeout = wanted
    }
    var code: wint_t = 0
    let result = wget_wch(window, &code)
    if result == gb_err() { return nil }
    if result == gb_key_code_yes() {
      if Int32(code) == gb_key_resize() {
        return .resize(width: size.width, height: size.height)
      }
      return Self.functionKey(Int32(code)).map { .key($0) }
    }
    return Self.characterKey(UInt32(code)).map { .key($0) }
  }
}
