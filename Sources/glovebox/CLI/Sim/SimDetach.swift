import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts this executable again with `arguments` in a new session (posix_spawn with
/// POSIX_SPAWN_SETSID): no controlling terminal, so closing the terminal or the SSH link
/// (SIGHUP) does not reach it. stdin is /dev/null; stdout and stderr append to `log`.
func spawnDetached(arguments: [String], log: String) throws -> Int32 {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard length > 0 else { throw ValidationError("cannot find the glovebox executable (/proc/self/exe)") }
  let executable = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  // glibc's POSIX_SPAWN_SETSID (spawn.h) is hidden behind __USE_GNU, so Swift cannot see it.
  let spawnSetsid: Int16 = 0x80
  posix_spawnattr_setflags(&attributes, spawnSetsid)
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  // Every other inherited descriptor is closed in the child. The starter may hold descriptors
  // without close-on-exec (Foundation's Process watches its child through a socket pair), and a
  // run that kept one open would make that starter wait for the whole run, not for `sim run`.
  let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
  for descriptor in open where descriptor > 2 {
    posix_spawn_file_actions_addclose(&actions, descriptor)
  }
  let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
  guard result == 0 else { throw ValidationError("could not start the detached run: \(String(cString: strerror(result)))") }
  return pid
}
