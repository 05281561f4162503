import Formats

/// Where the column ids and the records of a `VMP data` module sit, by module version.
///
/// Every version starts with a u32 point count and a u8 column count. What follows, as found in
/// real files (EC-Lab's format is undocumented; galvani's reverse engineering, checked here on
/// navani's Modulo Bat examples and the EIS fixture):
/// - version 2: u16 little-endian ids from byte 5, records from byte 405;
/// - version 3: as version 2, with one more byte (0x01) before the records, from byte 406;
/// - version 0 of EC-Lab ≥ 11.50 (byte 5 is zero): u16 little-endian ids from byte 6, a 0x01 at
///   byte 1006, records from byte 1007;
/// - version 0 of older EC-Lab (byte 5 is not zero): one byte per id from byte 5, records from
///   byte 100.
struct MPRDataHeader: Equatable {
  let idsStart: Int
  /// Bytes per column id: 1 or 2.
  let idWidth: Int
  let recordsStart: Int

  /// The layout of `version`, given the content's byte 5 (which tells version 0's two kinds apart).
  static func of(version: Int, byteFive: UInt8) -> MPRDataHeader? {
    switch version {
    case 0:
      return byteFive == 0
        ? MPRDataHeader(idsStart: 6, idWidth: 2, recordsStart: 1007)
        : MPRDataHeader(idsStart: 5, idWidth: 1, recordsStart: 100)
    case 2: return MPRDataHeader(idsStart: 5, idWidth: 2, recordsStart: 405)
    case 3: return MPRDataHeader(idsStart: 5, idWidth: 2, recordsStart: 406)
    default: return nil
    }
  }

  /// The column ids of a module whose content starts at `start`, after checking that they fit in
  /// the header before the records.
  func columnIDs(_ bytes: [UInt8], contentStart start: Int, count: Int, fail: (String) -> InputError) throws -> [Int] {
    guard idsStart + idWidth * count <= recordsStart else {
      throw fail("the 'VMP data' module declares \(count) columns, more than its header (\(recordsStart - idsStart) bytes for ids) holds")
    }
    return (0..<count).map { index in
      let at = start + idsStart + idWidth * index
      return idWidth == 1 ? Int(bytes[at]) : Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }
  }
}
