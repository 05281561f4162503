import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The stop signal a run received (SIGINT, SIGTERM or SIGHUP), 0 when none. The handler only
/// stores here (a lock-free atomic store is async-signal-safe); the run loop reads it between
/// steps, so the step in progress finishes and its state is written as the checkpoint.
private let receivedStopSignal = Atomic<Int32>(0)

/// Signal handling of the solver process (`sim run` / `sim resume`, foreground or detached).
/// SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal or SSH link closing under a foreground run)
/// all mean "stop cleanly": finish the current step, write a snapshot, set status.json to
/// `stopped` naming the signal, and exit with 128 + the signal number (130, 143, 129), the
/// shell's convention for "ended by a signal", so a script can tell it from `finished` (0) and
/// `failed` (3) while the folder still holds a resumable checkpoint. A detached run lives in
/// its own session, so no terminal sends it SIGHUP; `kill -TERM` stops it the same way.
enum SimSignals {
  static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Installs the flag-setting handlers (SA_RESTART, so file writes in progress are not cut
  /// short by EINTR). Call before the model plans its transforms, so that a Ctrl-C during
  /// planning also ends in a checkpoint instead of the default abrupt exit.
  static func install() {
    for number in stopping {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { received in receivedStopSignal.store(received, ordering: .relaxed) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESTART)
      sigaction(number, &action, nil)
    }
  }

  /// The stop signal received so far, nil when none.
  static var pending: Int32? {
    let number = receivedStopSignal.load(ordering: .relaxed)
    return number == 0 ? nil : number
  }

  static func name(_ number: Int32) -> String {
    switch number {
    case SIGINT: return "SIGINT"
    case SIGTERM: return "SIGTERM"
    case SIGHUP: return "SIGHUP"
    default: return "signal \(number)"
    }
  }

  /// The exit status of a run stopped by `number`.
  static func exitStatus(_ number: Int32) -> Int32 { 128 + number }
}
