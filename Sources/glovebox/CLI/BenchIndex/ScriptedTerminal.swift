import Foundation
import TUI

/// A terminal for timing the workbench in-process: it presses `2` a while after the first frame
/// (while the index may still be walking), then `q`, and records when each was answered by a
/// frame. Frames are kept only as times.
final class ScriptedTerminal: TerminalBackend {
  let size: (width: Int, height: Int)
  let colorDepth = ColorDepth.trueColor
  /// Seconds after the first frame before `2` is pressed, and after its frame before `q`.
  let keyDelay: Double
  let quitDelay: Double
  let clock: () -> Double

  private(set) var presentTimes: [Double] = []
  private(set) var keyTime: Double?
  private(set) var keyAnswered: Double?
  private(set) var quitTime: Double?
  /// Whether the workspace index had finished when `2` was pressed.
  private(set) var indexCompleteAtKey: Bool?
  var indexComplete: () -> Bool = { false }
  private var framesBeforeKey = 0

  init(width: Int, height: Int, keyDelay: Double, quitDelay: Double, clock: @escaping () -> Double) {
    size = (width, height)
    self.keyDelay = keyDelay
    self.quitDelay = quitDelay
    self.clock = clock
  }

  func present(_ frame: Buffer) {
    let now = clock()
    presentTimes.append(now)
    if keyTime != nil, keyAnswered == nil, presentTimes.count > framesBeforeKey { keyAnswered = now }
  }

  func invalidate() {}

  func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
    let limit = clock() + Double(timeoutMilliseconds ?? 1000) / 1000
    while true {
      let now = clock()
      if let first = presentTimes.first, keyTime == nil, now >= first + keyDelay {
        keyTime = now
        framesBeforeKey = presentTimes.count
        indexCompleteAtKey = indexComplete()
        return .key(.character("2"))
      }
      if let answered = keyAnswered, quitTime == nil, now >= answered + quitDelay {
        quitTime = now
        return .key(.character("q"))
      }
      if now >= limit { return nil }
      usleep(1000)
    }
  }
}
