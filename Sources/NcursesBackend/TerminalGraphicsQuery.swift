import Foundation
import TUI

/// Asks the terminal what graphics it can show, before ncurses opens it: the queries of
/// `GraphicsReplies` are written to the terminal with echo and line editing off, and the
/// answers read back until DA1's answer arrives or `timeoutMilliseconds` pass (a terminal that
/// answers nothing, or no terminal, gives empty replies). The terminal's settings are restored.
public enum TerminalGraphicsQuery {
  public static func ask(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                         timeoutMilliseconds: Int = 400) -> GraphicsReplies {
    guard isatty(input) == 1, isatty(output) == 1 else { return GraphicsReplies() }
    var saved = termios()
    guard tcgetattr(input, &saved) == 0 else { return GraphicsReplies() }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    guard tcsetattr(input, TCSANOW, &raw) == 0 else { return GraphicsReplies() }
    defer { tcsetattr(input, TCSANOW, &saved) }
    let query = Array(GraphicsReplies.query.utf8)
    guard query.withUnsafeBytes({ write(output, $0.baseAddress, $0.count) }) == query.count else { return GraphicsReplies() }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 256)
    let deadline = ProcessInfo.processInfo.systemUptime + Double(timeoutMilliseconds) / 1000
    while !GraphicsReplies.isComplete(bytes) {
      let left = Int((deadline - ProcessInfo.processInfo.systemUptime) * 1000)
      guard left > 0 else { break }
      var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, Int32(left)) > 0 else { break }
      let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      bytes += chunk[0..<n]
    }
    return GraphicsReplies(parsing: bytes)
  }
}
