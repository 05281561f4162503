import CNcursesw
import Foundation
import TUI

extension NcursesTerminal: TerminalImageOutput {
  /// Performs image commands after a frame was presented (ncurses has flushed its output).
  /// An image is written between DECSC and DECRC (ESC 7 / ESC 8), so the cursor ncurses
  /// believes in is where it really is afterwards; rows to clear are handed to `wredrawln`,
  /// which makes ncurses rewrite them whole on the next `doupdate`, replacing sixel pixels.
  public func perform(_ commands: [ImageCommand]) {
    guard !commands.isEmpty else { return }
    var redraw = false
    for command in commands {
      switch command {
      case .redrawRows(let rows):
        let lower = max(0, rows.lowerBound), upper = min(size.height, rows.upperBound)
        guard upper > lower else { continue }
        wredrawln(window, Int32(lower), Int32(upper - lower))
        redraw = true
      case .write(let sequence, let x, let y):
        if redraw {
          // Clear first: the new image goes over the rewritten rows, not under them.
          wnoutrefresh(window)
          doupdate()
          redraw = false
        }
        fflush(output)
        fputs("\u{1B}7\u{1B}[\(y + 1);\(x + 1)H" + sequence + "\u{1B}8", output)
        fflush(output)
      }
    }
    if redraw {
      wnoutrefresh(window)
      doupdate()
    }
  }

  /// Pixels per cell from the window size the kernel holds (TIOCGWINSZ), nil when the
  /// terminal does not fill in the pixel fields (many do not, tmux never).
  public static func cellPixelSize(descriptor: Int32) -> (width: Int, height: Int)? {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0, size.ws_xpixel > 0,
      size.ws_ypixel > 0
    else { return nil }
    return (Int(size.ws_xpixel) / Int(size.ws_col), Int(size.ws_ypixel) / Int(size.ws_row))
  }
}
