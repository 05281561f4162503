/// What the app runtime needs from a terminal: its size and depth, a way to show a frame, and
/// the next input event. Implemented by `NcursesBackend` for real terminals and by
/// `MemoryBackend` for tests. All calls come from one thread (ncurses is single-threaded).
public protocol TerminalBackend: AnyObject {
  /// The current size in cells.
  var size: (width: Int, height: Int) { get }
  /// The colour depth frames are shown with (after detection and overrides).
  var colorDepth: ColorDepth { get }
  /// Shows `frame`, sending the terminal only the cells that differ from the last frame shown.
  func present(_ frame: Buffer)
  /// Forgets what the terminal shows, so the next `present` redraws every cell (Ctrl-L).
  func invalidate()
  /// The next event, waiting at most `timeoutMilliseconds` (nil: wait until one arrives).
  /// Returns nil when the time ran out or the wait was interrupted by a signal.
  func nextEvent(timeoutMilliseconds: Int?) -> InputEvent?
}

/// A terminal in memory for end-to-end tests: a settable size, a queue of input events, and a
/// record of every frame presented with the cells that frame actually changed.
public final class MemoryBackend: TerminalBackend {
  /// One presented frame and the cells the backend had to write for it.
  public struct Frame: Sendable {
    public var buffer: Buffer
    public var changes: [CellChange]
  }

  public private(set) var size: (width: Int, height: Int)
  public var colorDepth: ColorDepth
  public private(set) var frames: [Frame] = []
  /// Events not yet read, oldest first.
  public private(set) var pendingEvents: [InputEvent] = []
  /// The timeouts `nextEvent` was called with, so tests can check that an idle app blocks.
  public private(set) var requestedTimeouts: [Int?] = []
  public private(set) var invalidations = 0
  private var shown: Buffer?

  public init(width: Int, height: Int, colorDepth: ColorDepth = .trueColor) {
    self.size = (max(0, width), max(0, height))
    self.colorDepth = colorDepth
  }

  /// Queues key presses.
  public func enqueue(_ keys: Key...) {
    pendingEvents.append(contentsOf: keys.map { InputEvent.key($0) })
  }

  /// Queues events of any kind.
  public func enqueue(events: [InputEvent]) {
    pendingEvents.append(contentsOf: events)
  }

  /// Queues a resize: the size changes when the event is read, as with a real terminal.
  public func enqueueResize(width: Int, height: Int) {
    pendingEvents.append(.resize(width: width, height: height))
  }

  /// The last frame presented, if any.
  public var lastFrame: Buffer? { frames.last?.buffer }

  public func present(_ frame: Buffer) {
    let changes: [CellChange]
    if let shown {
      changes = frame.diff(from: shown)
    } else {
      changes = frame.diff(from: Buffer(area: .zero))
    }
    frames.append(Frame(buffer: frame, changes: changes))
    shown = frame
  }

  public func invalidate() {
    invalidations += 1
    shown = nil
  }

  public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
    requestedTimeouts.append(timeoutMilliseconds)
    guard !pendingEvents.isEmpty else { return nil }
    let event = pendingEvents.removeFirst()
    if case .resize(let width, let height) = event {
      size = (max(0, width), max(0, height))
    }
    return event
  }
}
