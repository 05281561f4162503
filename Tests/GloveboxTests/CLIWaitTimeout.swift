/// A CLI test's wait that ran out of time: thrown, so the test fails (a timeout is a failure,
/// never a skip — three sim tests once went unnoticed while skipping this way).
struct CLIWaitTimeout: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
