import ArgumentParser
import Foundation
import Glibc
import NcursesBackend
import TUI
import Workbench

/// `glovebox bench-tui` (hidden, for `make bench`): the cost of a frame. (a) Rendering the
/// workbench and diffing a full 200×60 frame in which every body cell changes, pure, averaged;
/// (b) the bytes ncurses writes for an idle frame and for a status-line change, with ncurses
/// writing into a temporary file through `newterm` (TERM=xterm-256color).
struct BenchTUI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-tui", abstract: "Benchmark frame rendering and terminal bytes.", shouldDisplay: false)

  @Option(help: "Frames to average the render-and-diff time over.")
  var iterations = 300

  @Flag(help: "Print one JSON document.")
  var json = false

  struct Report: Encodable {
    var render_diff_200x60_ms: Double
    var diff_only_200x60_ms: Double
    var shell_render_200x60_ms: Double
    var iterations: Int
    var full_frame_bytes_120x40: Int
    var idle_frame_bytes_120x40: Int
    var status_change_bytes_120x40: Int
    var status_change_bytes_200x60: Int
    var idle_frame_bytes_200x60: Int
  }

  /// A frame like a busy pane's: the shell around a body whose every cell differs between
  /// frame `n` and `n + 1` (digits and braille in the series colours).
  static func busyFrame(_ state: AppState, frame n: Int) -> Buffer {
    var buffer = AppView.render(state)
    let body = Rect(x: 0, y: 1, width: state.size.width, height: max(0, state.size.height - 2))
    let braille = Array("⠁⠃⠇⡇⣇⣧⣷⣿")
    for y in body.y..<body.bottom {
      let style = Style(foreground: state.theme.seriesColor(y + n), background: state.theme.background)
      for x in body.x..<body.right {
        let symbol = (x + n) % 3 == 0 ? braille[(x + y + n) % braille.count] : Character(String((x * 7 + y + n) % 10))
        buffer.set(x: x, y: y, symbol: symbol, style: style)
      }
    }
    return buffer
  }

  func run() throws {
    let state = AppState(panes: [], workspace: "Examples", size: (200, 60))
    var previous = Self.busyFrame(state, frame: 0)
    var changed = 0
    let start = ProcessInfo.processInfo.systemUptime
    for n in 1...max(1, iterations) {
      let frame = Self.busyFrame(state, frame: n)
      changed &+= frame.diff(from: previous).count
      previous = frame
    }
    let perFrame = (ProcessInfo.processInfo.systemUptime - start) / Double(max(1, iterations)) * 1000
    // The diff alone, between two fixed frames that differ in every body cell.
    let frameA = Self.busyFrame(state, frame: 0)
    let frameB = Self.busyFrame(state, frame: 1)
    let diffStart = ProcessInfo.processInfo.systemUptime
    for n in 1...max(1, iterations) {
      changed &+= (n % 2 == 0 ? frameA.diff(from: frameB) : frameB.diff(from: frameA)).count
    }
    let diffOnly = (ProcessInfo.processInfo.systemUptime - diffStart) / Double(max(1, iterations)) * 1000
    let shellStart = ProcessInfo.processInfo.systemUptime
    for _ in 1...max(1, iterations) { changed &+= AppView.render(state).cells.count }
    let shellOnly = (ProcessInfo.processInfo.systemUptime - shellStart) / Double(max(1, iterations)) * 1000
    guard changed > 0 else { throw ValidationError("benchmark frames did not change") }

    let (full120, idle120, status120) = try Self.measureBytes(width: 120, height: 40)
    let (_, idle200, status200) = try Self.measureBytes(width: 200, height: 60)
    let report = Report(
      render_diff_200x60_ms: perFrame, diff_only_200x60_ms: diffOnly, shell_render_200x60_ms: shellOnly, iterations: iterations, full_frame_bytes_120x40: full120,
      idle_frame_bytes_120x40: idle120, status_change_bytes_120x40: status120,
      status_change_bytes_200x60: status200, idle_frame_bytes_200x60: idle200)
    if json {
      try printJSON(report)
      return
    }
    print(String(format: "tui: render + diff of a full 200x60 frame: %.3f ms (mean of %d)", perFrame, iterations))
    print(String(format: "tui:   of which the diff alone: %.3f ms; the shell (tabs, status) alone: %.3f ms", diffOnly, shellOnly))
    print("tui: ncurses bytes, full first frame 120x40: \(full120) B")
    print("tui: ncurses bytes, idle frame 120x40: \(idle120) B (goal 0); 200x60: \(idle200) B")
    print("tui: ncurses bytes, status-line change 120x40: \(status120) B (goal < 100); 200x60: \(status200) B")
  }

  /// Bytes written for: the first frame, the same frame again, and a frame whose status line
  /// shows a different message.
  static func measureBytes(width: Int, height: Int) throws -> (full: Int, idle: Int, status: Int) {
    let path = NSTemporaryDirectory() + "glovebox-bench-\(getpid())-\(width)x\(height).out"
    guard let output = fopen(path, "w"), let input = fopen("/dev/null", "r") else {
      throw ValidationError("cannot create \(path)")
    }
    defer {
      fclose(output)
      fclose(input)
      unlink(path)
    }
    let terminal = try NcursesTerminal(
      output: output, input: input,
      options: .init(terminalType: "xterm-256color", size: (width, height), environment: ["TERM": "xterm-256color"]))
    defer { terminal.shutdown() }
    func size() -> Int {
      fflush(output)
      var info = stat()
      return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
    var state = AppState(panes: [], workspace: "Examples", size: (width, height))
    state.status = StatusMessage("step 1 of 5: pressing 300 MPa, 2:00 left")
    let frame = busyFrame(state, frame: 0)
    terminal.present(frame)
    let full = size()
    terminal.present(frame)
    let idle = size() - full
    state.status = StatusMessage("step 1 of 5: pressing 300 MPa, 1:59 left")
    terminal.present(busyFrame(state, frame: 0))
    let status = size() - full - idle
    return (full, idle, status)
  }
}
