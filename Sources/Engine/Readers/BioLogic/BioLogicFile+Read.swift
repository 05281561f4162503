import Formats
import Foundation

extension BioLogicFile {
  /// An EC-Lab file of either kind: binary when it starts with the `.mpr` magic, text otherwise.
  public init(data: Data, fileName: String, columns: Set<String>? = nil) throws {
    let magic = BioLogicFile.binaryMagic.prefix(22)
    if data.count >= magic.count, data.prefix(magic.count).elementsEqual(magic) {
      try self.init(mprData: data, fileName: fileName, columns: columns)
    } else if (fileName as NSString).pathExtension.lowercased() == "mpr" {
      try self.init(mprData: data, fileName: fileName, columns: columns)
    } else {
      try self.init(mptData: data, fileName: fileName, columns: columns)
    }
  }

  /// Reads the EC-Lab file at `url` (the thin edge: it only loads the bytes).
  public init(contentsOf url: URL, columns: Set<String>? = nil) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw InputError("cannot read the file: \(error.localizedDescription)", file: url.path)
    }
    try self.init(data: data, fileName: url.path, columns: columns)
  }
}
