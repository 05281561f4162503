import Foundation

/// Parsed values of workspace files, each kept with the size and modification time the file
/// had when it was read: a file is parsed once per version, however many panes or jobs ask.
/// A parser's failure is kept too (a malformed file is not re-read until it changes). Values
/// are told apart by their type, so the same file can be kept as impedance spectra and as
/// cycling data.
final class ParseCache: @unchecked Sendable {
  private struct Key: Hashable {
    var path: String
    var type: ObjectIdentifier
  }

  private struct Slot {
    var stamp: FileStamp
    var result: Result<any Sendable, any Error>
  }

  /// A file that is not there (or not a regular file) when it is asked for.
  struct MissingFile: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): no such file" }
  }

  struct SlotTypeMismatch: Error {
    var expected: String
    var found: String
  }

  private let lock = NSLock()
  private var slots: [Key: Slot] = [:]
  private var hits = 0
  private var misses = 0

  /// The value of `type` parsed from the file at `absolutePath` (keyed as `key`): from the
  /// cache when the file's stamp is the one it was parsed at, else parsed now by `parser` on
  /// the calling thread. Throws the parser's error, or `MissingFile`.
  func value<Value: Sendable>(at absolutePath: String, key: String, parser: (String) throws -> Value) throws -> Value {
    guard case .file(let stamp) = DirectoryReader.status(absolutePath) else {
      forget(key)
      throw MissingFile(path: key)
    }
    let slotKey = Key(path: key, type: ObjectIdentifier(Value.self))
    lock.lock()
    if let slot = slots[slotKey], slot.stamp == stamp {
      hits += 1
      lock.unlock()
      return try Self.unpack(slot.result)
    }
    misses += 1
    lock.unlock()
    let result: Result<any Sendable, any Error>
    do {
      result = .success(try parser(absolutePath))
    } catch {
      result = .failure(error)
    }
    lock.lock()
    slots[slotKey] = Slot(stamp: stamp, result: result)
    lock.unlock()
    return try Self.unpack(result)
  }

  /// Drops every value kept for a file (it was removed).
  func forget(_ key: String) {
    lock.lock()
    slots = slots.filter { $0.key.path != key }
    lock.unlock()
  }

  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return slots.count
  }

  var counters: (hits: Int, misses: Int) {
    lock.lock()
    defer { lock.unlock() }
    return (hits, misses)
  }

  private static func unpack<Value>(_ result: Result<any Sendable, any Error>) throws -> Value {
    switch result {
    case .success(let value):
      // Slots are keyed by the value's type, so the cast holds; a failure would be a bug here.
      guard let typed = value as? Value else { throw SlotTypeMismatch(expected: "\(Value.self)", found: "\(type(of: value))") }
      return typed
    case .failure(let error):
      throw error
    }
  }
}
