import CNcursesw
import Glibc
import Synchronization

/// The last terminating signal received (SIGINT, SIGTERM, SIGHUP), 0 when none. Written by the
/// signal handler (a lock-free atomic store is async-signal-safe) and polled by the event loop.
private let receivedSignal = Atomic<Int32>(0)

/// The handlers that were installed before ours for the fatal signals, so that after restoring
/// the terminal the original behaviour (Swift's backtrace, a core dump) still happens. Written
/// once on the main thread before any fatal signal can be handled.
nonisolated(unsafe) private var previousFatalActions: [Int32: sigaction] = [:]

/// Signal handling around the terminal. Terminating signals only set a flag: the event loop
/// sees it (the blocking read returns early because the handler is installed without
/// SA_RESTART), leaves the loop and restores the terminal with `endwin` on its own thread.
/// Fatal signals (a crash) cannot return, so their handler calls `endwin` directly, best
/// effort, then re-raises the signal with the previous handler.
public enum TerminalSignals {
  public static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

  /// Installs the handlers. Call before opening the terminal, so that ncurses keeps ours.
  public static func install() {
    for signal in terminating {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in receivedSignal.store(number, ordering: .relaxed) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, nil)
    }
    for signal in fatal {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        endwin()
        if var previous = previousFatalActions[number] {
          sigaction(number, &previous, nil)
        } else {
          Glibc.signal(number, SIG_DFL)
        }
        raise(number)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      var previous = sigaction()
      sigaction(signal, &action, &previous)
      previousFatalActions[signal] = previous
    }
  }

  /// The terminating signal received since start (0 when none).
  public static var pending: Int32 { receivedSignal.load(ordering: .relaxed) }

  /// Sends a terminating signal to this process (for tests of the loop's reaction).
  public static func simulate(_ signal: Int32) { receivedSignal.store(signal, ordering: .relaxed) }

  public static func clear() { receivedSignal.store(0, ordering: .relaxed) }
}
