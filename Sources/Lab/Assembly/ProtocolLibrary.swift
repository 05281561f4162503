import Engine
import Formats

/// The protocols of a workspace, parsed; failed files are kept as errors.
public struct ProtocolLibrary: Equatable, Sendable {
  public var protocols: [CellProtocol]
  public var errors: [InputError]

  public init(protocols: [CellProtocol] = [], errors: [InputError] = []) {
    self.protocols = protocols
    self.errors = errors
  }

  public static func parse(files: [SourceFile]) -> ProtocolLibrary {
    var library = ProtocolLibrary()
    for file in files {
      do {
        library.protocols.append(
          try CellProtocol.parse(file.text, fileName: file.path, defaultID: file.baseName))
      } catch let error as InputError {
        library.errors.append(error.inFile(file.path))
      } catch {
        library.errors.append(InputError("\(error)", file: file.path))
      }
    }
    return library
  }

  /// The protocol with this id (exact, then case-insensitive, then by file base name).
  public func `protocol`(id: String) -> CellProtocol? {
    protocols.first { $0.id == id }
      ?? protocols.first { $0.id.lowercased() == id.lowercased() }
      ?? protocols.first { $0.file.map(SourceFile.baseName(of:))?.lowercased() == id.lowercased() }
  }
}
